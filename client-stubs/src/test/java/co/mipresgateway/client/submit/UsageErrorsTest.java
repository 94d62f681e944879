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
        assertFirstLine("--concurrency: 'x' no es un número", "submit", "reportes", "x.csv", "--nit", "1", "--token", "2", "--concurrency", "x");
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
