package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.mvstore.MVStore;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that reaches the embedded file through the holder's server (what AUTO_SERVER gives an operator command
 * beside a running gateway) has its writes forced by the holder's durable checkpoint. Played in one JVM: the holder's
 * own connection, and a second one through H2's TCP server, as the other process's comes.
 */
class ServerSideCheckpointTest {

    private Server server;
    private Connection holder;
    private Connection remote;
    private MVStore store;

    @BeforeEach
    void holderAndASecondProcess(@TempDir Path dir) throws Exception {
        server = Server.createTcpServer("-tcpPort", "0").start();
        String path = SlowWrites.path(dir.resolve("db"));
        holder = DriverManager.getConnection(Database.embeddedUrl(path), "", "");
        remote = DriverManager.getConnection(Database.embeddedUrl("tcp://localhost:" + server.getPort() + "/" + path), "", "");
        store = DurableCheckpoint.storeOf(holder).orElseThrow();
        assertTrue(DurableCheckpoint.storeOf(remote).isEmpty(), "the second connection is not through the server");
    }

    @AfterEach
    void close() throws Exception {
        remote.close();
        holder.close();
        server.stop();
    }

    @Test
    void aConnectionThroughTheHoldersServerIsForcedOnlyOnceEveryVersionBegunIsWritten() throws Exception {
        ServerSideCheckpoint.define(holder);
        DurableCheckpoint checkpoint = DurableCheckpoint.of(remote, null);
        int unwritten = DurableCheckpointTest.roundsReturnedBeforeH2sChunk(holder, store, checkpoint::run);
        assertEquals(0, unwritten, "rounds in which the checkpoint returned before H2's own chunk was written");
    }

    @Test
    void checkpointSyncThroughTheHoldersServerCanReturnBeforeAChunkH2BeganIsWritten() throws Exception {
        int unwritten;
        try (PreparedStatement checkpointSync = remote.prepareStatement("CHECKPOINT SYNC")) {
            unwritten = DurableCheckpointTest.roundsReturnedBeforeH2sChunk(holder, store, checkpointSync::execute);
        }
        // Why the function exists: if this fails, the H2 in use waits for its chunks over SQL too.
        assertTrue(unwritten > 0, "CHECKPOINT SYNC returned after H2's own chunk was written in all "
                + DurableCheckpointTest.ROUNDS + " rounds");
    }

    @Test
    void aHolderThatDefinesNoFunctionStillHasTheWritesForced() throws Exception {
        // The holder a gateway of an earlier version: the second process falls back to CHECKPOINT SYNC, and still writes.
        DurableCheckpoint checkpoint = DurableCheckpoint.of(remote, null);
        try (Statement statement = remote.createStatement()) {
            statement.execute("CREATE TABLE entrega (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO entrega VALUES (1)");
        }
        long committed = store.getCurrentVersion();
        checkpoint.run();
        assertTrue(store.getFileStore().lastChunkVersion() >= committed, "the remote commit was not written");
    }
}
