package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void environmentOverridesTheDefaultsAndSystemPropertiesOverrideTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("mipres.port", "9999");
        Config config = withoutFile(Map.of("MIPRES_PORT", "8181", "MIPRES_TOKEN_VALIDITY", "PT30M"), system);
        assertEquals(9999, config.port());
        assertEquals(Duration.ofMinutes(30), config.tokenValidity());
        assertTrue(config.sandbox());
    }

    @Test
    void secretsAreMaskedWhenTheConfigurationIsPrinted() {
        Config config = withoutFile(Map.of("MIPRES_DB_PASSWORD", "s3cret",
                "MIPRES_DB_URL", "jdbc:postgresql://db/mipres?user=a&password=hunter2"));
        String printed = config.describe();
        assertFalse(printed.contains("s3cret"), printed);
        assertFalse(printed.contains("hunter2"), printed);
        assertTrue(printed.contains("mipres.db.password = ****"));
    }

    /** Said by the start line and by every operator command: a relative data folder is where the command was run. */
    @Test
    void theDatabaseIsNamedByItsAbsoluteFileOrItsUrlWithoutThePassword(@org.junit.jupiter.api.io.TempDir Path here) {
        Config embedded = withoutFile(Map.of("MIPRES_DATA_DIR", here.resolve("sub/../data").toString()));
        assertEquals("H2 " + here.resolve("data").resolve("mipres-gateway.mv.db"), GatewayMain.databaseLocation(embedded));
        Config postgres = withoutFile(Map.of("MIPRES_DB_URL", "jdbc:postgresql://db/mipres?user=a&password=hunter2",
                "MIPRES_DB_SCHEMA", "farmacia"));
        assertEquals("jdbc:postgresql://db/mipres?user=a&password=****, schema farmacia", GatewayMain.databaseLocation(postgres));
    }

    @Test
    void aMistakenSettingStopsTheStartNamingItAsTheOperatorWroteIt() {
        Map<String, String> mistakes = Map.of(
                "MIPRES_PORT", "MIPRES_PORT (mipres.port) = 'ocho mil': debe ser un número entero de 0 a 65535.",
                "MIPRES_TOKEN_VALIDITY", "MIPRES_TOKEN_VALIDITY (mipres.token.validity) = 'ocho mil': debe ser una duración"
                        + " ISO-8601 de al menos PT1S (PT30S, PT15M, PT24H).");
        mistakes.forEach((variable, said) -> {
            Config config = withoutFile(Map.of(variable, "ocho mil"));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated);
            assertEquals(said, refused.getMessage());
        });
    }

    /** Zero meant for ever to HikariCP and to Jetty, and every token born expired; a port past 65535 was Java's words. */
    @Test
    void aSettingOutOfItsRangeStopsTheStartSayingTheRange() {
        Map<Map<String, String>, String> mistakes = Map.of(
                Map.of("MIPRES_PORT", "99999"), "MIPRES_PORT (mipres.port) = '99999': debe ser un número entero de 0 a 65535.",
                Map.of("MIPRES_PORT", "-1"), "MIPRES_PORT (mipres.port) = '-1': debe ser un número entero de 0 a 65535.",
                Map.of("MIPRES_DB_CONNECTION_TIMEOUT", "PT0S"), "MIPRES_DB_CONNECTION_TIMEOUT (mipres.db.connection.timeout) = 'PT0S':"
                        + " debe ser una duración ISO-8601 de al menos PT0.25S (PT30S, PT15M, PT24H).",
                Map.of("MIPRES_TOKEN_VALIDITY", "PT0S"), "MIPRES_TOKEN_VALIDITY (mipres.token.validity) = 'PT0S': debe ser una"
                        + " duración ISO-8601 de al menos PT1S (PT30S, PT15M, PT24H).",
                Map.of("MIPRES_HTTP_IDLE_TIMEOUT", "PT0S"), "MIPRES_HTTP_IDLE_TIMEOUT (mipres.http.idle.timeout) = 'PT0S': debe ser"
                        + " una duración ISO-8601 de al menos PT1S (PT30S, PT15M, PT24H).");
        mistakes.forEach((settings, said) -> {
            Config config = withoutFile(settings);
            assertEquals(said, assertThrows(IllegalArgumentException.class, config::validated).getMessage());
        });
        Config least = withoutFile(Map.of("MIPRES_PORT", "0", "MIPRES_DB_CONNECTION_TIMEOUT", "PT0.25S",
                "MIPRES_HTTP_STOP_TIMEOUT", "PT0S")).validated();
        assertEquals(Duration.ofMillis(250), least.dbConnectionTimeout());
    }

    @Test
    void sandboxFaultsAreOffByDefaultAndNeverInProduction() {
        Config defaults = withoutFile(Map.of()).validated();
        assertEquals(0.0, defaults.sandboxFaults());
        Map<Map<String, String>, String> mistakes = Map.of(
                Map.of("MIPRES_MODE", "production", "MIPRES_SANDBOX_FAULTS", "0.1"), "solo para el modo sandbox",
                Map.of("MIPRES_SANDBOX_FAULTS", "10%"), "una fracción de 0 a 1",
                Map.of("MIPRES_SANDBOX_FAULTS", "1.5"), "una fracción de 0 a 1",
                Map.of("MIPRES_SANDBOX_FAULTS", "NaN"), "una fracción de 0 a 1",
                Map.of("MIPRES_SANDBOX_FAULTS_KINDS", "written-error,timeout"), "not-written, written-error, written-no-answer, query-error y token-error",
                Map.of("MIPRES_SANDBOX_FAULTS_KINDS", " , "), "not-written, written-error, written-no-answer, query-error y token-error");
        mistakes.forEach((settings, said) -> {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> withoutFile(settings).validated(), settings.toString());
            assertTrue(refused.getMessage().contains(said), refused.getMessage());
        });
        Config chosen = withoutFile(Map.of("MIPRES_SANDBOX_FAULTS", "0.25", "MIPRES_SANDBOX_FAULTS_KINDS",
                "written-no-answer, not-written")).validated();
        assertEquals(0.25, chosen.sandboxFaults());
        assertEquals(java.util.List.of(SandboxFaults.Kind.WRITTEN_NO_ANSWER, SandboxFaults.Kind.NOT_WRITTEN),
                chosen.sandboxFaultKinds());
    }

    @Test
    void aSandboxDelayIsOneDurationOrTwoBoundsAndNeverInProduction() {
        assertTrue(withoutFile(Map.of()).validated()
                .sandboxDelay().isEmpty());
        SandboxDelays.Bounds fixed = withoutFile(Map.of("MIPRES_SANDBOX_DELAY", "PT2S")).validated().sandboxDelay().orElseThrow();
        assertEquals(new SandboxDelays.Bounds(Duration.ofSeconds(2), Duration.ofSeconds(2)), fixed);
        SandboxDelays.Bounds drawn = withoutFile(Map.of("MIPRES_SANDBOX_DELAY", "PT0.5S..PT5S")).validated().sandboxDelay()
                .orElseThrow();
        assertEquals(new SandboxDelays.Bounds(Duration.ofMillis(500), Duration.ofSeconds(5)), drawn);
        for (String wrong : new String[] {"2s", "PT5S..PT1S", "PT1S..PT2S..PT3S", "PT2M", "-PT1S", "PT1S.."}) {
            Config config = withoutFile(Map.of("MIPRES_SANDBOX_DELAY", wrong));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated, wrong);
            assertTrue(refused.getMessage().startsWith("MIPRES_SANDBOX_DELAY (mipres.sandbox.delay) = '" + wrong + "': una"),
                    refused.getMessage());
        }
        Config production = withoutFile(Map.of("MIPRES_MODE", "production", "MIPRES_SANDBOX_DELAY", "PT1S"));
        assertTrue(assertThrows(IllegalArgumentException.class, production::validated).getMessage()
                .contains("solo para el modo sandbox"));
    }

    @Test
    void oneSessionPerNitIsForTheSandboxOnly() {
        assertTrue(withoutFile(Map.of("MIPRES_SANDBOX_ONE_SESSION", "true")).validated().sandboxOneSession());
        Config production = withoutFile(Map.of("MIPRES_MODE", "production", "MIPRES_SANDBOX_ONE_SESSION", "true"));
        assertTrue(assertThrows(IllegalArgumentException.class, production::validated).getMessage()
                .startsWith("MIPRES_SANDBOX_ONE_SESSION (mipres.sandbox.one.session) = 'true': es solo para el modo sandbox"));
    }

    @Test
    void aSchemaNamePostgresqlWouldReadOtherwiseStopsTheStart() {
        // "Mipres": Flyway created the schema "Mipres" and the connections looked for mipres, so the migration failed
        // ("no schema has been selected to create in") after leaving an empty schema behind.
        for (String name : new String[] {"Mipres", "mipres-prod", "x; DROP TABLE y", "1mipres", "m".repeat(64)}) {
            Config config = withoutFile(Map.of("MIPRES_DB_SCHEMA", name));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated, name);
            assertTrue(refused.getMessage().startsWith("MIPRES_DB_SCHEMA (mipres.db.schema) = '" + name + "': "),
                    refused.getMessage());
        }
        for (String name : new String[] {"", "mipres", "mipres_prod2", "_x"}) {
            Config config = withoutFile(Map.of("MIPRES_DB_SCHEMA", name));
            assertEquals(name, config.validated().dbSchema());
        }
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlsJdbcUrlStopsTheStartWithoutShowingItsPassword() {
        // A DATABASE_URL as hosting services write it: was Hikari's "Failed to get driver instance for jdbcUrl=...".
        Config config = withoutFile(Map.of("MIPRES_DB_URL", "postgresql://db:5432/mipres?user=a&password=hunter2"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated);
        assertEquals("MIPRES_DB_URL (mipres.db.url) = 'postgresql://db:5432/mipres?user=a&password=****': debe ser una URL"
                + " JDBC de PostgreSQL, jdbc:postgresql://servidor:5432/base (o vacía, para la base H2 incluida).",
                refused.getMessage());
        Config jdbc = withoutFile(Map.of("MIPRES_DB_URL", "jdbc:postgresql://db:5432/mipres"));
        assertEquals("jdbc:postgresql://db:5432/mipres", jdbc.validated().dbUrl());
    }

    @Test
    void aModeThatIsNeitherSandboxNorProductionStopsTheStartInsteadOfCreatingTheDemoParties() {
        for (String mode : new String[] {"produccion", "producción", "prod", ""}) {
            Config config = withoutFile(Map.of("MIPRES_MODE", mode));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated, mode);
            assertEquals("MIPRES_MODE (mipres.mode) = '" + mode + "': debe ser sandbox o production (production empieza sin"
                    + " partes de demostración).", refused.getMessage());
        }
        for (String mode : new String[] {"sandbox", "production", "PRODUCTION", " production "}) {
            Config config = withoutFile(Map.of("MIPRES_MODE", mode));
            assertEquals(!mode.strip().equalsIgnoreCase("production"), config.validated().sandbox(), mode);
        }
    }

    @Test
    void aDataDirectoryThatCannotBeMadeStopsTheStartNamingTheSetting() throws Exception {
        Path file = Files.createTempFile("mipres-not-a-folder", ".txt");
        try {
            String wanted = file.resolve("data").toString();
            Config config = withoutFile(Map.of("MIPRES_DATA_DIR", wanted));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::writableDataDir);
            assertTrue(refused.getMessage().startsWith("MIPRES_DATA_DIR (mipres.data.dir) = '" + wanted + "': no se pudo crear"),
                    refused.getMessage());
            Path fresh = Files.createTempDirectory("mipres-data-").resolve("a/b");
            assertEquals(fresh, withoutFile(Map.of("MIPRES_DATA_DIR", fresh.toString())).writableDataDir());
            assertTrue(Files.isDirectory(fresh));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theFileMipresConfigNamesOverridesTheDefaultsAndTheEnvironmentOverridesIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.properties"), "mipres.port = 8282\nmipres.mode=production\n");
        Config config = Config.load(Map.of("MIPRES_CONFIG", file.toString(), "MIPRES_MODE", "sandbox"), new Properties());
        assertEquals(8282, config.port());
        assertTrue(config.sandbox());
    }

    /** A mistyped path or setting name left the defaults in force: in production, a database in ./data, not PostgreSQL. */
    @Test
    void aMissingConfigFileOrAnUnknownSettingInItStopsTheStartNamingIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String missing = dir.resolve("gatewya.properties").toString();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Config.load(Map.of("MIPRES_CONFIG", missing), new Properties()));
        assertEquals("MIPRES_CONFIG = '" + missing + "': no existe ese archivo en " + dir + ". Indique el archivo de"
                + " configuración, o deje MIPRES_CONFIG vacío para no leer ninguno.", refused.getMessage());

        Path file = Files.writeString(dir.resolve("gateway.properties"), "mipres.mode=production\nmipres.db.ulr=jdbc:postgresql://db/x\n");
        refused = assertThrows(IllegalArgumentException.class,
                () -> Config.load(Map.of("MIPRES_CONFIG", file.toString()), new Properties()));
        assertEquals("El archivo de configuración " + file + " trae mipres.db.ulr, que no es una configuración de este servicio:"
                + " corrija el nombre (la tabla Configuration del README los lista) o quite la línea.", refused.getMessage());
    }

    @Test
    void aMipresVariableThatNamesNoSettingIsFoundForTheStartToWarnOf() {
        Map<String, String> env = Map.of("MIPRES_DB_ULR", "jdbc:postgresql://db/x", "MIPRES_DB_URL", "", "MIPRES_CONFIG", "",
                "MIPRES_NIT", "900000001", "PATH", "/usr/bin");
        assertEquals(List.of("MIPRES_DB_ULR"), Config.load(env, new Properties()).unknownVariables(env));
    }

    @Test
    void everyTypedSettingIsCheckedAtStart() {
        // Whatever setting is added with a number, a duration or a flag as its default, a mistaken value of it stops
        // the start: validated() must read it (it lists the getters by hand).
        Config defaults = withoutFile(Map.of());
        int typed = 0;
        for (String name : defaults.names()) {
            String value = defaults.get(name);
            if (!value.matches("\\d+|P.*|true|false")) continue;
            typed++;
            Config config = withoutFile(Map.of(Config.envName(name), "ocho mil"));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated, name);
            assertTrue(refused.getMessage().startsWith(Config.envName(name) + " (" + name + ") = 'ocho mil'"), refused.getMessage());
        }
        assertTrue(typed >= 14, typed + " typed settings found among the defaults");
    }

    @Test
    void aPoolOfOneIsRefusedSinceTheMigrationHoldsTwoConnections() {
        Config config = withoutFile(Map.of("MIPRES_DB_POOL_SIZE", "1"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::validated);
        assertEquals("MIPRES_DB_POOL_SIZE (mipres.db.pool.size) = '1': debe ser un número entero de al menos 2.", refused.getMessage());
    }

    /** The settings of the environment given and the packaged defaults: an empty MIPRES_CONFIG reads no file. */
    private static Config withoutFile(Map<String, String> environment) {
        return withoutFile(environment, new Properties());
    }

    private static Config withoutFile(Map<String, String> environment, Properties system) {
        Map<String, String> withNoFile = new java.util.HashMap<>(environment);
        withNoFile.put("MIPRES_CONFIG", "");
        return Config.load(withNoFile, system);
    }
}
