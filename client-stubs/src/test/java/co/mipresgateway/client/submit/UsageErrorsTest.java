package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line the client cannot read: one Spanish line saying what is wrong, the usage, exit code 2. */
class UsageErrorsTest {

    @Test
    void eachKindOfBadCommandLineIsToldInSpanishThenTheUsage() {
        assertFirstLine("Falta --nit, --token", "submit", "reportes", "x.csv");
        assertFirstLine("TIPO: 'reporte' no es programaciones, entregas ni reportes", "submit", "reporte", "x.csv", "--nit", "1", "--token", "2");
        assertFirstLine("--concurrency: 'x' no es un número entero", "submit", "reportes", "x.csv", "--nit", "1", "--token", "2", "--concurrency", "x");
        // Zero was run as one without a word, or ended in the HTTP client's stack trace.
        assertFirstLine("--concurrency: '0' debe ser un número entero de al menos 1", "submit", "reportes", "x.csv", "--concurrency", "0");
        assertFirstLine("--max-attempts: '-1' debe ser un número entero de al menos 1", "submit", "reportes", "x.csv", "--max-attempts", "-1");
        assertFirstLine("--retry-base-ms: '0' debe ser un número entero de al menos 1", "submit", "reportes", "x.csv", "--retry-base-ms", "0");
        assertFirstLine("--timeout: '0' debe ser un número de segundos mayor que cero", "submit", "reportes", "x.csv", "--timeout", "0");
        assertFirstLine("--days-at-once: '0' debe ser un número entero de al menos 1", "consultar", "entregas", "--desde", "2025-06-01",
                "--days-at-once", "0");
        assertFirstLine("--concurrency: '0' debe ser un número entero de al menos 1", "conciliar", "reportes", "x.csv", "--concurrency", "0");
        // Without its scheme, the address ended in the HTTP client's stack trace.
        assertFirstLine("--url: 'localhost:8080' no es una dirección http:// o https:// con su servidor (por ejemplo"
                + " http://localhost:8080, o https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api)", "submit", "reportes", "x.csv",
                "--url", "localhost:8080");
        assertFirstLine("Opción desconocida: --bogus", "submit", "reportes", "x.csv", "--nit", "1", "--token", "2", "--bogus");
        assertFirstLine("Sobra: otro.csv", "revisar", "reportes", "x.csv", "otro.csv");
        assertFirstLine("--desde: fecha no válida '2025-13-01': escríbala aaaa-mm-dd (2025-06-03)",
                "consultar", "reportes", "--desde", "2025-13-01", "--nit", "1", "--token", "2");
        String unknownCommand = run("submt");
        assertTrue(unknownCommand.startsWith("Comando desconocido: submt\n¿Quiso decir submit"), unknownCommand);
    }

    private static void assertFirstLine(String expected, String... args) {
        String told = run(args);
        assertEquals(expected, told.lines().findFirst().orElse(""), told);
        assertTrue(told.contains("Uso: mipres-client"), "then the usage: " + told);
    }

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = MipresClientMain.commandLine();
        command.setErr(new PrintWriter(err, true));
        assertEquals(2, command.execute(args), err.toString());
        return err.toString().replace("\r\n", "\n");
    }
}
