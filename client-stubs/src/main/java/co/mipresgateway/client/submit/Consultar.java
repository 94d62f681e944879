package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresDayQueryException;
import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresTransportException;
import co.mipresgateway.client.SuministroClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mipres-client consultar TIPO}: every record of one kind that a range of days, a patient over a range of days,
 * or one prescription has, written to one file. The ministry's queries take one day, one patient's day or one
 * prescription: the days are asked a few at a time.
 */
@Command(name = "consultar", mixinStandardHelpOptions = true,
        description = {"Escribe en un archivo (.csv, .jsonl, .json o .xlsx) los registros de TIPO de cada día de --desde a --hasta"
                + " (consultas ...XFecha), de un paciente en esos días (--paciente, ...XPacienteFecha) o de una"
                + " prescripción (--prescripcion, ...XPrescripcion), con los campos del ministerio como columnas.",
                "Códigos de salida: 0 archivo escrito; 1 una consulta falló (no se escribe nada); 2 uso o archivo; "
                + SessionOpening.EXIT_CODES_OF_A_SESSION})
final class Consultar implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TIPO",
            description = "direccionamientos, nodireccionamientos, programaciones, entregas o reportes")
    QueryKind kind;

    @Option(names = "--desde", converter = IsoDate.class, description = "primer día, aaaa-mm-dd")
    LocalDate desde;

    @Option(names = "--hasta", converter = IsoDate.class,
            description = "último día, aaaa-mm-dd (por defecto el mismo --desde); a lo sumo un año")
    LocalDate hasta;

    @Option(names = "--paciente", paramLabel = "TIPO:NÚMERO",
            description = "solo los registros de este paciente en esos días, p. ej. CC:1020304050")
    String paciente;

    @Option(names = "--prescripcion", paramLabel = "NoPrescripcion",
            description = "en vez de días: los registros de esta prescripción (20 dígitos)")
    String prescripcion;

    @Option(names = "--out", description = "archivo a escribir: .csv (con ';', UTF-8, para Excel), .jsonl, .json (una lista) o .xlsx "
            + "(por defecto TIPO-DESDE-HASTA.csv o TIPO-PRESCRIPCION.csv)")
    Path out;

    @Option(names = "--days-at-once", defaultValue = "4", converter = PositiveOptions.Count.class, description = "días consultados a la vez (${DEFAULT-VALUE})")
    int daysAtOnce;

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws InterruptedException {
        String usage = usageProblem();
        if (usage != null) {
            System.err.println(usage);
            return 2;
        }
        Path file = out != null ? out : Path.of(defaultName() + ".csv");
        try {
            InputFormat.of(file);
        } catch (IllegalArgumentException e) {
            System.err.println("--out debe terminar en .csv, .jsonl, .json o .xlsx: " + file);
            return 2;
        }
        SuministroClient client;
        try {
            client = connection.openRestClient(daysAtOnce);
        } catch (SessionOpening.NotOpened e) {
            System.err.println(e.getMessage());
            return e.exitCode();
        }
        List<?> records;
        try {
            records = read(client);
        } catch (IllegalArgumentException badRange) {
            System.err.println(badRange.getMessage());
            return 2;
        } catch (MipresDayQueryException | MipresException | MipresTransportException e) {
            System.err.println("no se escribió nada: " + FailureText.of(e));
            return 1;
        }
        try {
            RecordsFile.write(file, kind.recordType, records);
        } catch (IOException e) {
            System.err.println(FailureText.of(e));
            return 2;
        }
        System.err.println(Counted.of(records.size(), "registro", "registros") + " (" + what() + "; "
                + connection.describe("REST") + ") en " + file);
        return 0;
    }

    private String usageProblem() {
        if (prescripcion != null) {
            if (desde != null || hasta != null || paciente != null) {
                return "--prescripcion va sola: la consulta de una prescripción no lleva días ni paciente.";
            }
            return null;
        }
        if (desde == null) return "falta --desde (o --prescripcion).";
        String range = SuministroClient.rangeProblem(desde, last());
        if (range != null) return range;
        if (paciente != null && patient() == null) {
            return "--paciente va como TIPO:NÚMERO, p. ej. CC:1020304050 (se recibió '" + paciente + "').";
        }
        return null;
    }

    /** {@code CC:1020304050} as the type and number of the document; null when it is not written so. */
    private String[] patient() {
        int colon = paciente.indexOf(':');
        if (colon <= 0 || colon == paciente.length() - 1) return null;
        return new String[] {paciente.substring(0, colon).strip(), paciente.substring(colon + 1).strip()};
    }

    private LocalDate last() {
        return hasta != null ? hasta : desde;
    }

    private List<?> read(SuministroClient client) {
        if (prescripcion != null) return client.queryRetried(() -> kind.xPrescripcion(client, prescripcion));
        if (paciente == null) return client.xFechaBetween(desde, last(), day -> kind.xFecha(client, day));
        String[] document = patient();
        return client.xFechaBetween(desde, last(), day -> kind.xPacienteFecha(client, day, document[0], document[1]));
    }

    private String defaultName() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (prescripcion != null) return name + "-" + prescripcion;
        String days = name + "-" + desde + "-" + last();
        return paciente == null ? days : days + "-" + String.join("-", patient());
    }

    private String what() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (prescripcion != null) return name + ", prescripción " + prescripcion;
        return name + ", " + desde + " a " + last() + (paciente == null ? "" : ", paciente " + paciente);
    }
}
