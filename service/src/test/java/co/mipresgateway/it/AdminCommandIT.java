package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.auth.PartyAdmin;
import co.mipresgateway.server.Config;
import co.mipresgateway.server.GatewayMain;
import co.mipresgateway.store.Database;
import co.mipresgateway.store.PartyStore;
import co.mipresgateway.suministro.MipresTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator command, run as an operator would, against an H2 file the service then serves from. */
class AdminCommandIT {

    private Path dataDir;

    @BeforeEach
    void useAFreshDataDirectory() throws Exception {
        dataDir = Files.createTempDirectory("mipres-admin-");
        System.setProperty("mipres.data.dir", dataDir.toString());
        System.setProperty("mipres.db.url", "");
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("mipres.data.dir");
        System.clearProperty("mipres.db.url");
    }

    @Test
    void anOperatorRegistersAProviderIssuesATokenAndTheProviderCanUseIt() throws Exception {
        assertEquals(0, run("admin", "party", "add", "--nit", "901234567", "--nombre", "Farmacia Prueba",
                "--rol", "PROVEEDOR"));
        String issue = capture("admin", "token", "issue", "--nit", "901234567");
        String token = issue.trim();
        assertTrue(token.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"), token);
        assertTrue(capture("admin", "party", "list").contains("901234567"));
        String listed = capture("admin", "token", "list", "--nit", "901234567");
        assertTrue(listed.startsWith("1 "), listed);
        assertTrue(!listed.contains(token), "a token list never shows the token");

        try (RunningGateway gateway = new RunningGateway(Map.of("mipres.data.dir", dataDir.toString(),
                "mipres.db.url", ""))) {
            assertEquals(200, gateway.get("GenerarToken/901234567/" + token).status());
        }
        assertEquals(0, run("admin", "token", "revoke", "--nit", "901234567", "--id", "1"));
        try (RunningGateway gateway = new RunningGateway(Map.of("mipres.data.dir", dataDir.toString(),
                "mipres.db.url", ""))) {
            assertEquals(401, gateway.get("GenerarToken/901234567/" + token).status());
        }
    }

    /** A party that locked itself out (five wrong primary tokens) is let back in by the operator, without waiting. */
    @Test
    void anOperatorEndsALockoutOfARunningService() throws Exception {
        try (RunningGateway gateway = new RunningGateway(Map.of("mipres.data.dir", dataDir.toString(),
                "mipres.db.url", ""))) {
            runInItsOwnProcess("admin", "party", "add", "--nit", "901234569", "--nombre", "Farmacia Bloqueada",
                    "--rol", "PROVEEDOR");
            String token = runInItsOwnProcess("admin", "token", "issue", "--nit", "901234569").trim();
            for (int i = 0; i < 5; i++) gateway.get("GenerarToken/901234569/00000000-0000-4000-8000-000000000000");
            RunningGateway.Answer locked = gateway.get("GenerarToken/901234569/" + token);
            assertEquals(401, locked.status(), locked.text());
            assertTrue(locked.text().contains("bloqueado"), locked.text());
            String listedLocked = lineOf(runInItsOwnProcess("admin", "party", "list"), "901234569");
            assertTrue(listedLocked.contains("(bloqueado hasta ") && listedLocked.contains("admin party unlock --nit 901234569"),
                    listedLocked);

            String unlocked = runInItsOwnProcess("admin", "party", "unlock", "--nit", "901234569");
            assertTrue(unlocked.startsWith("Desbloqueado: 901234569 (estaba bloqueado hasta "), unlocked);
            assertEquals(200, gateway.get("GenerarToken/901234569/" + token).status(), "at once, with the service running");
            String again = runInItsOwnProcess("admin", "party", "unlock", "--nit", "901234569");
            assertTrue(again.startsWith("901234569 no estaba bloqueado; no tenía intentos fallidos."), again);
            String listedAfter = lineOf(runInItsOwnProcess("admin", "party", "list"), "901234569");
            assertFalse(listedAfter.contains("bloqueado"), listedAfter);
        }
        assertEquals(1, run("admin", "party", "unlock", "--nit", "909090909"), "a NIT of no party");
    }

    @Test
    void anOperatorCommandInItsOwnProcessSharesTheFileOfARunningSandbox() throws Exception {
        // The README's promise: with H2, the running service and the command can share the file (AUTO_SERVER).
        try (RunningGateway gateway = new RunningGateway(Map.of("mipres.data.dir", dataDir.toString(),
                "mipres.db.url", ""))) {
            String added = runInItsOwnProcess("admin", "party", "add", "--nit", "901234568", "--nombre", "Farmacia Vecina",
                    "--rol", "PROVEEDOR");
            assertTrue(added.startsWith("Registrado: PROVEEDOR 901234568"), added);
            String token = runInItsOwnProcess("admin", "token", "issue", "--nit", "901234568").trim();
            assertEquals(200, gateway.get("GenerarToken/901234568/" + token).status(), token);
        }
    }

    /** The default data folder is relative: run from another folder, a command works on a database of its own. */
    @Test
    void anOperatorCommandSaysWhichDatabaseItWorksOn() {
        String said = captureErrors("admin", "party", "list");
        String expected = "Base de datos: H2 " + dataDir.toAbsolutePath().normalize().resolve("mipres-gateway.mv.db");
        assertTrue(said.startsWith(expected), said);
    }

    private static String lineOf(String listing, String nit) {
        return listing.lines().filter(line -> line.startsWith(nit)).findFirst()
                .orElseThrow(() -> new AssertionError(nit + " not listed:\n" + listing));
    }

    /** The jar's main in a JVM of its own, as an operator runs it beside the service: what it printed. */
    private String runInItsOwnProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GatewayMain.class.getName()));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile(dataDir, "command-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("MIPRES_DATA_DIR", dataDir.toString());
        builder.environment().remove("MIPRES_DB_URL");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
        assertEquals(0, process.exitValue(), () -> output + readQuietly(errors));
        // Its writes are forced by the running service's durable checkpoint, which that service defined as it started.
        String logged = readQuietly(errors);
        assertFalse(logged.contains("defines no durable checkpoint"), logged);
        return output;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void anEpsNeedsItsCode() {
        assertEquals(1, run("admin", "party", "add", "--nit", "801234567", "--nombre", "EPS X", "--rol", "EPS"));
    }

    /** The name is what `party list` shows an operator, and what tells two providers apart. */
    @Test
    void aPartyNeedsANameAndItsRoleIsReadInAnyLetterCase() {
        assertEquals(1, run("admin", "party", "add", "--nit", "901234568", "--nombre", " ", "--rol", "PROVEEDOR"));
        assertFalse(capture("admin", "party", "list").contains("901234568"), "nothing registered");
        assertTrue(capture("admin", "party", "add", "--nit", "901234568", "--nombre", "Farmacia Z", "--rol", "proveedor")
                .contains("Registrado: PROVEEDOR 901234568"));
    }

    /** A name or code longer than the party table keeps ended in the database's stack trace. */
    @Test
    void aNameOrCodeTooLongToKeepIsRefusedSayingSo() {
        String refused = refusals(
                new String[] {"admin", "party", "add", "--nit", "901234561", "--nombre", "F".repeat(201), "--rol", "PROVEEDOR"},
                new String[] {"admin", "party", "add", "--nit", "801234561", "--nombre", "EPS Larga", "--rol", "EPS", "--codigo", "C".repeat(21)},
                new String[] {"admin", "party", "add", "--nit", "901234562", "--nombre", "Farmacia\tTab", "--rol", "PROVEEDOR"});
        assertEquals(List.of("El nombre admite a lo sumo 200 caracteres (tiene 201).",
                "El código (CodEPS) admite a lo sumo 20 caracteres (tiene 21).", "El nombre contiene un carácter de control; quítelo."),
                refused.lines().filter(line -> !line.startsWith("Base de datos: ")).toList());
        String list = capture("admin", "party", "list");
        assertFalse(list.contains("901234561") || list.contains("801234561") || list.contains("901234562"), list);
        assertTrue(capture("admin", "party", "add", "--nit", "901234561", "--nombre", "F".repeat(200), "--rol", "PROVEEDOR")
                .contains("Registrado: PROVEEDOR 901234561"));
    }

    @Test
    void aTokenMayBeIssuedUntilALastDayWhichTheListShows() {
        assertEquals(0, run("admin", "party", "add", "--nit", "901234569", "--nombre", "Farmacia Piloto", "--rol", "PROVEEDOR"));
        assertEquals(1, run("admin", "token", "issue", "--nit", "901234569", "--vence", "31/12/2099"), "not yyyy-MM-dd");
        assertEquals(1, run("admin", "token", "issue", "--nit", "901234569", "--vence", "2000-01-01"), "a day gone by");
        assertTrue(capture("admin", "token", "list", "--nit", "901234569").isEmpty(), "nothing issued by either");
        capture("admin", "token", "issue", "--nit", "901234569", "--vence", "2099-12-31");
        String listed = capture("admin", "token", "list", "--nit", "901234569");
        assertTrue(listed.startsWith("1 ") && listed.contains("vale hasta el 2099-12-31") && !listed.contains("vencido"), listed);
        assertTrue(listed.matches("(?s)1 +emitido \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  vale hasta el .*"), listed);

        // One issued three days ago, through the day before yesterday: listed as ended.
        Clock threeDaysAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-3));
        try (Database database = Database.open(Config.load().validated())) {
            new PartyAdmin(database, new PartyStore(), threeDaysAgo).issueToken("901234569", MipresTime.today(threeDaysAgo).plusDays(1));
        }
        String ended = capture("admin", "token", "list", "--nit", "901234569").lines().toList().get(1);
        assertTrue(ended.startsWith("2 ") && ended.endsWith("vale hasta el "
                + MipresTime.today(threeDaysAgo).plusDays(1) + " (vencido)"), ended);
    }

    /** A NIT mistyped by the operator was answered with an empty list (exit 0), as if the party had no tokens. */
    @Test
    void theTokenCommandsRefuseANitNoPartyHas() {
        String refused = refusals(new String[] {"admin", "token", "list", "--nit", "901234560"},
                new String[] {"admin", "token", "revoke", "--nit", "901234560", "--id", "1"});
        assertEquals(2, refused.split("No existe una parte con el NIT 901234560\\.", -1).length - 1, refused);
    }

    /** An operator's first try: it answered "Unknown option: '--help'" on every command below the first. */
    @Test
    void everyOperatorCommandHasItsHelp() {
        for (String[] command : new String[][] {{"admin"}, {"admin", "party"}, {"admin", "party", "add"}, {"admin", "party", "unlock"}, {"admin", "token", "issue"},
                {"admin", "token", "list"}, {"admin", "token", "revoke"}}) {
            String[] withHelp = java.util.Arrays.copyOf(command, command.length + 1);
            withHelp[command.length] = "--help";
            String help = capture(withHelp);
            assertTrue(help.startsWith("Uso: mipres-gateway " + String.join(" ", command)), help);
        }
        assertTrue(capture("admin", "token", "revoke", "--help").contains("--id=ID"), "options name what they take");
    }

    /** Picocli's own words were English ("Missing required option: '--nit=NIT'") among the commands' Spanish. */
    @Test
    void aCommandLineThatCannotBeReadIsToldInSpanishWithItsUsage() {
        String said = errorsOf(2, new String[] {"admin", "token", "issue"},
                new String[] {"admin", "party", "add", "--nit", "901234567", "--nombre", "Farmacia X", "--rol", "IPS"},
                new String[] {"admin", "token", "revoke", "--nit", "901234567", "--id", "uno"},
                new String[] {"admin", "token", "emitir"}, new String[] {"admin", "party", "list", "--todas"},
                new String[] {"admin", "token"});
        // Each message is followed by its command's usage.
        List<String> lines = said.lines().toList();
        List<String> told = java.util.stream.IntStream.range(0, lines.size() - 1)
                .filter(i -> lines.get(i + 1).startsWith("Uso: mipres-gateway admin ")).mapToObj(lines::get).toList();
        assertEquals(List.of("Falta --nit", "--rol: 'IPS' no es EPS ni PROVEEDOR", "--id: 'uno' no es un número entero",
                "Comando desconocido: emitir", "Opción desconocida: --todas", "Falta el comando: issue, list o revoke"), told, said);
    }

    private static int run(String... args) {
        return GatewayMain.commandLine().execute(args);
    }

    /** What commands that are each refused (exit 1) print on the error stream. */
    private static String refusals(String[]... commands) {
        return errorsOf(1, commands);
    }

    /** What commands that each end with the exit code print on the error stream. */
    private static String errorsOf(int exit, String[]... commands) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (String[] command : commands) assertEquals(exit, run(command), String.join(" ", command));
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String capture(String... args) {
        return captured(System.out, System::setOut, args);
    }

    private static String captureErrors(String... args) {
        return captured(System.err, System::setErr, args);
    }

    /** What a command that succeeds prints on one of the two streams. */
    private static String captured(PrintStream original, java.util.function.Consumer<PrintStream> setter, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        setter.accept(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(args));
        } finally {
            setter.accept(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
