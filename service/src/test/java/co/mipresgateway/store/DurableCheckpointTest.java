package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint that returns before a chunk H2 began by itself is written: H2's CHECKPOINT SYNC does, the durable one
 * does not. H2's background writer (or a commit past its memory threshold) is played here by MVStore.tryCommit, the
 * store it calls, which hands the chunk to H2's writing threads and returns. The file is on {@link SlowWrites}, so
 * that the chunk is still being written when the checkpoint comes back, as on a busy disk, rather than by luck.
 */
class DurableCheckpointTest {

    static final int ROUNDS = 40;

    @Test
    void h2sOwnCheckpointSyncCanReturnBeforeAChunkH2BeganIsWritten(@TempDir Path dir) throws Exception {
        try (Connection connection = DriverManager.getConnection(Database.embeddedUrl(SlowWrites.path(dir.resolve("db"))), "", "");
                PreparedStatement checkpointSync = connection.prepareStatement("CHECKPOINT SYNC")) {
            MVStore store = DurableCheckpoint.storeOf(connection).orElseThrow();
            int unwritten = roundsReturnedBeforeH2sChunk(connection, store, checkpointSync::execute);
            // H2's own behaviour, which DurableCheckpoint exists for: if this fails, the H2 in use waits for its chunks.
            assertTrue(unwritten > 0, "CHECKPOINT SYNC returned after H2's own chunk was written in all " + ROUNDS + " rounds");
        }
    }

    @Test
    void theDurableCheckpointReturnsOnlyOnceEveryVersionBegunIsWritten(@TempDir Path dir) throws Exception {
        try (Connection connection = DriverManager.getConnection(Database.embeddedUrl(SlowWrites.path(dir.resolve("db"))), "", "")) {
            MVStore store = DurableCheckpoint.storeOf(connection).orElseThrow();
            int unwritten = roundsReturnedBeforeH2sChunk(connection, store, DurableCheckpoint.on(store)::run);
            assertEquals(0, unwritten, "rounds in which the checkpoint returned before H2's own chunk was written");
        }
    }

    /** A checkpoint, as the rounds run it. */
    interface Checkpoint {
        void run() throws Exception;
    }

    /**
     * Of {@link #ROUNDS} rounds, each committing rows on the connection and then beginning a store as H2's background
     * writer does, in how many the checkpoint returned before that store's chunk was written.
     */
    static int roundsReturnedBeforeH2sChunk(Connection connection, MVStore store, Checkpoint checkpoint) throws Exception {
        int unwritten = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long begun = changesInAStoreBegunByH2(connection, store, round);
            checkpoint.run();
            if (store.getFileStore().lastChunkVersion() < begun) unwritten++;
            store.sync();   // lets the next round start from a written file
        }
        return unwritten;
    }

    /** Commits a few thousand rows, then begins a store as H2's background writer does; the version it writes. */
    private static long changesInAStoreBegunByH2(Connection connection, MVStore store, int round) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS entrega (id INT PRIMARY KEY, no_lote VARCHAR(200))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entrega VALUES (?, ?)")) {
            for (int i = 0; i < 3_000; i++) {
                insert.setInt(1, round * 10_000 + i);
                insert.setString(2, "L".repeat(100) + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        store.tryCommit();
        return store.getCurrentVersion();
    }
}
