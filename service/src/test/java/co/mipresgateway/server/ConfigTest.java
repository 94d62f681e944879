package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void environmentOverridesTheDefaultsAndSystemPropertiesOverrideTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("mipres.port", "9999");
        Config config = Config.load(Map.of("MIPRES_PORT", "8181", "MIPRES_TOKEN_VALIDITY", "PT30M",
                "MIPRES_CONFIG", "/nonexistent.properties"), system);
        assertEquals(9999, config.port());
        assertEquals(Duration.ofMinutes(30), config.tokenValidity());
        assertTrue(config.sandbox());
    }

    @Test
    void secretsAreMaskedWhenTheConfigurationIsPrinted() {
        Config config = Config.load(Map.of("MIPRES_DB_PASSWORD", "s3cret", "MIPRES_CONFIG", "/nonexistent.properties",
                "MIPRES_DB_URL", "jdbc:postgresql://db/mipres?user=a&password=hunter2"), new Properties());
        String printed = config.describe();
        assertFalse(printed.contains("s3cret"), printed);
        assertFalse(printed.contains("hunter2"), printed);
        assertTrue(printed.contains("mipres.db.password = ****"));
    }
}
