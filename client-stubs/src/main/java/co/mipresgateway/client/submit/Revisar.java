package co.mipresgateway.client.submit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mipres-client revisar TIPO ARCHIVO}: the checks {@code submit} makes of every row before it sends any, alone,
 * with nothing sent and no credentials, so that a file can be mended before the run.
 */
@Command(name = "revisar", mixinStandardHelpOptions = true,
        description = {"Revisa cada fila del archivo como lo hace submit antes de enviar (campos, formatos, un ID por "
                + "archivo) sin enviar nada ni pedir credenciales; escribe los resultados (VALIDA o INVALIDA con sus "
                + "errores). Las reglas que dependen del servicio (cantidades, fechas frente al paso anterior) solo las "
                + "revisa el envío.",
                "Códigos de salida: 0 todas las filas válidas; 1 alguna inválida; 2 uso o archivo."})
final class Revisar implements Callable<Integer> {

    @Mixin
    RowsFile file;

    @Override
    public Integer call() {
        String unusable = file.unusable();
        if (unusable != null) {
            System.err.println(unusable);
            return 2;
        }
        Path resultsFile = file.resultsFile();
        try {
            InputTable table = InputReader.read(file.input);
            Map<InputRow, Outcome> outcomes = new IdentityHashMap<>();
            for (SubmissionKind.Prepared row : RowsCheck.sendable(table, file.kind, outcomes, System.err)) {
                outcomes.put(row.row(), Outcome.valid());
            }
            ResultsWriter.write(file.input, resultsFile, table, file.kind, outcomes);
            long invalid = outcomes.values().stream().filter(o -> o.status() == Outcome.Status.INVALIDA).count();
            System.err.printf("%s: %s, %s; no se envió nada. Resultados: %s%n", Counted.of(table.rows().size(), "fila", "filas"),
                    Counted.of(table.rows().size() - invalid, "válida", "válidas"), Counted.of(invalid, "inválida", "inválidas"),
                    resultsFile);
            return invalid == 0 ? 0 : 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(FailureText.of(e));
            return 2;
        }
    }
}
