package co.mipresgateway.client.submit;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file of rows that {@code submit} sends and {@code revisar} checks, and where their results go. */
final class RowsFile {

    @Parameters(index = "0", paramLabel = "TIPO", description = "programaciones, entregas o reportes")
    SubmissionKind kind;

    @Parameters(index = "1", paramLabel = "ARCHIVO", description = "las filas: .csv, .jsonl o .xlsx")
    Path input;

    @Option(names = "--results", description = "archivo de resultados (por defecto ARCHIVO.results.<ext>)")
    Path results;

    /** A message when the input is not there, else null. */
    String missing() {
        return input.toFile().isFile() ? null : "no existe el archivo " + input;
    }

    Path resultsFile() {
        return results != null ? results : ResultsWriter.defaultPath(input);
    }
}
