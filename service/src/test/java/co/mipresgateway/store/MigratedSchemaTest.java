package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the migrations leave on the embedded database keeps working once the connections that ran them are
 * closed, as the pool closes them after 30 minutes. V1's CHECK (rol IN (...)) did not: H2 kept the migrating session
 * in it, and from then on every write to party (a wrong primary token counted, an operator's party add) failed with
 * "Check constraint invalid", which the gateway took for a failed disk (503s while it opened the file again).
 */
class MigratedSchemaTest {

    @TempDir
    Path dir;

    @Test
    void partyIsWrittenAndItsRolStillCheckedAfterTheMigratingConnectionsAreClosed() throws Exception {
        String url = Database.embeddedUrl("file:" + dir.resolve("db"));
        try (Connection serving = DriverManager.getConnection(url, "", "")) {
            // Flyway's own connections run the migrations and are closed when it returns; this one keeps the database open.
            Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();

            String insert = "INSERT INTO party (nit, nombre, rol, creado) VALUES (?, 'Droguería', ?, CURRENT_TIMESTAMP)";
            try (PreparedStatement add = serving.prepareStatement(insert)) {
                add.setString(1, "900000001");
                add.setString(2, "PROVEEDOR");
                assertEquals(1, add.executeUpdate());
                add.setString(1, "900000002");
                add.setString(2, "FARMACIA");
                SQLException refused = assertThrows(SQLException.class, add::executeUpdate);
                assertEquals("23513", refused.getSQLState(), refused.getMessage());
            }
            try (PreparedStatement countFailure = serving.prepareStatement("UPDATE party SET fallos = fallos + 1 WHERE nit = '900000001'")) {
                assertEquals(1, countFailure.executeUpdate());
            }
        }
    }
}
