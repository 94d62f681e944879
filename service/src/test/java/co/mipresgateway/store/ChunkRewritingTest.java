package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small steps that replace H2's housekeeping do bring a file of half-dead chunks back above the target. */
class ChunkRewritingTest {

    @Test
    void stepsRewriteSparseChunksUntilTheFileIsDenseAgain(@TempDir Path dir) throws Exception {
        String url = Database.embeddedUrl("file:" + dir.resolve("db"));
        try (Connection connection = DriverManager.getConnection(url, "", "");
                Statement statement = connection.createStatement()) {
            // Chunks become rewritable only once older than the retention time: none here, for a test of seconds.
            statement.execute("SET RETENTION_TIME 0");
            statement.execute("CREATE TABLE entrega (id INT PRIMARY KEY, no_lote VARCHAR(200))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entrega VALUES (?, ?)")) {
                for (int id = 0; id < 20_000; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "L".repeat(150) + id);
                    insert.execute();
                    if (id % 100 == 99) statement.execute("CHECKPOINT");   // one chunk per 100 rows, as group commits do
                }
            }
            // Rewrites the pages of every other run of 50 rows: each old chunk keeps about half of its pages live.
            statement.execute("UPDATE entrega SET no_lote = 'X' || no_lote WHERE MOD(id / 50, 2) = 0");
            statement.execute("CHECKPOINT");

            ChunkRewriting rewriting = new ChunkRewriting(DurableCheckpoint.storeOf(connection).orElseThrow());
            int before = rewriting.chunksFillRate();
            assertTrue(before < ChunkRewriting.TARGET_FILL_RATE, "the set-up should leave sparse chunks, fill rate " + before);
            for (int step = 0; step < 200 && rewriting.chunksFillRate() < ChunkRewriting.TARGET_FILL_RATE; step++) {
                if (rewriting.step()) statement.execute("CHECKPOINT");
            }
            int after = rewriting.chunksFillRate();
            assertTrue(after >= ChunkRewriting.TARGET_FILL_RATE, "fill rate " + before + "% became " + after + "%");
        }
    }
}
