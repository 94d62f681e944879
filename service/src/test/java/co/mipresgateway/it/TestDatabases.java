package co.mipresgateway.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The two real databases the integration tests run on: H2 in a fresh temporary file, and the PostgreSQL at
 * 127.0.0.1:5432 (database test) in a fresh schema. Where no PostgreSQL answers, its tests are skipped, saying
 * so, unless MIPRES_REQUIRE_POSTGRES=true (as in .ci/run), where they fail.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL =
            System.getenv().getOrDefault("MIPRES_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("MIPRES_TEST_POSTGRES_USER", "postgres");

    private TestDatabases() {
    }

    public static Map<String, String> h2() {
        try {
            Path dir = Files.createTempDirectory("mipres-it-");
            return Map.of("mipres.data.dir", dir.toString(), "mipres.db.url", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings for a schema of its own in the shared PostgreSQL, so runs never see each other's rows. */
    public static Map<String, String> postgres() {
        requirePostgres();
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return Map.of("mipres.db.url", POSTGRES_URL, "mipres.db.user", POSTGRES_USER, "mipres.db.schema", schema);
    }

    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // A schema left behind costs nothing but space; the next run uses a new name anyway.
        }
    }

    private static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            c.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("MIPRES_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("PostgreSQL is required (MIPRES_REQUIRE_POSTGRES=true) but "
                        + POSTGRES_URL + " does not answer: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + POSTGRES_URL + " does not answer (" + e.getMessage() + ")");
        }
    }
}
