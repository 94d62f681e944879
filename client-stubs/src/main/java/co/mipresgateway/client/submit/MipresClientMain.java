package co.mipresgateway.client.submit;

import co.mipresgateway.client.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code java -jar mipres-client.jar submit reportes FILE}: the batch submitter. */
@Command(name = "mipres-client", mixinStandardHelpOptions = true, versionProvider = MipresClientMain.Version.class,
        resourceBundle = "co.mipresgateway.client.submit.Ayuda",
        description = "Cliente de las transacciones MIPRES Suministro.", subcommands = {MipresClientMain.Submit.class, Revisar.class, Consultar.class, Conciliar.class})
public final class MipresClientMain implements Runnable {

    /**
     * CXF logs through java.util.logging: a SOAP request it could not send would print a stack trace among the
     * run's own lines, which already say what failed in one line each. Held here so the setting is not collected.
     */
    private static final Logger CXF_LOG = quiet(Logger.getLogger("org.apache.cxf"));

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.OFF);
        return logger;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = commandLine().execute(args);
        } catch (OutOfMemoryError full) {
            // Unwound to here, the rows read are garbage again and the message has room; a stack trace told nothing.
            System.err.println("La memoria de Java no alcanzó (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB) para este archivo: ejecútelo de nuevo con más (java -Xmx2g -jar mipres-client.jar ...) o en"
                    + " archivos más pequeños. Un envío interrumpido así sigue donde quedó: las filas ya registradas están"
                    + " en su diario y no se envían dos veces.");
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    static CommandLine commandLine() {
        return new CommandLine(new MipresClientMain()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrors());
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Envía cada fila del archivo (CSV, JSON Lines o .xlsx; encabezados = nombres de campo del "
                    + "ministerio, más NoPrescripcion) exactamente una vez, aunque la ejecución se interrumpa.",
                    "Códigos de salida: 0 todo OK; 1 alguna fila con error, inválida o pendiente; 2 uso o archivo; "
                    + SessionOpening.EXIT_CODES_OF_A_SESSION})
    static final class Submit implements Callable<Integer> {

        @Mixin
        RowsFile file;

        @Mixin
        Connection connection;

        @Option(names = "--soap", description = "usar la cara SOAP de la pasarela en vez de REST")
        boolean soap;

        @Option(names = "--concurrency", defaultValue = "8", converter = PositiveOptions.Count.class, description = "peticiones simultáneas (${DEFAULT-VALUE})")
        int concurrency;

        @Option(names = "--max-attempts", defaultValue = "8", converter = PositiveOptions.Count.class, description = "intentos por fila ante 5xx, tiempo agotado o conexión caída (${DEFAULT-VALUE})")
        int maxAttempts;

        @Option(names = "--retry-base-ms", defaultValue = "250", converter = PositiveOptions.Millis.class, description = "primera espera entre intentos, luego se dobla (${DEFAULT-VALUE} ms)")
        long retryBaseMillis;

        @Option(names = "--journal", description = "diario de la ejecución (por defecto ARCHIVO.journal)")
        Path journal;

        @Option(names = "--no-progress", description = "no mostrar el progreso aunque haya terminal")
        boolean noProgress;

        @Override
        public Integer call() throws Exception {
            String unusable = file.unusable();
            if (unusable != null) {
                System.err.println(unusable);
                return 2;
            }
            Path journalFile = journal != null ? journal : file.input.resolveSibling(file.input.getFileName() + ".journal");
            String journalProblem = file.journalProblem(journalFile);
            if (journalProblem != null) {
                System.err.println(journalProblem);
                return 2;
            }
            InputTable table = file.readOrTell(System.err);
            if (table == null) return 2;
            Face face;
            try {
                // The session is opened before any row is checked or sent, so that wrong credentials stop the run at once.
                face = soap ? new SoapFace(connection.openSoap()) : new RestFace(connection.openRestClient(1));
            } catch (SessionOpening.NotOpened e) {
                System.err.println(FailureText.of(e));
                return e.exitCode();
            }
            RetryPolicy retry = new RetryPolicy(maxAttempts, Duration.ofMillis(retryBaseMillis), Duration.ofSeconds(15));
            SubmitRun.Settings settings = new SubmitRun.Settings(file.kind, file.input, journalFile, file.resultsFile(), concurrency, retry,
                    !noProgress && System.console() != null, connection.describe(soap ? "SOAP" : "REST"));
            try {
                return new SubmitRun(settings, face, System.err).execute(table);
            } catch (IllegalStateException | IllegalArgumentException | java.io.IOException e) {
                System.err.println(FailureText.of(e));
                return 2;
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MipresClientMain.class.getPackage().getImplementationVersion();
            return new String[] {"mipres-client " + (version == null ? "dev" : version)};
        }
    }
}
