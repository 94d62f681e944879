package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLNonTransientException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/**
 * The pool's connection maker while the embedded file cannot be written. Refused at once, HikariCP would pause
 * between its tries, doubling the pause up to 5 s, and could still be pausing when the file is open again: requests
 * then waited out their connection timeout and were told the database was busy (seen in a loaded CI run).
 */
class GatedH2ConnectionsTest {

    private static final String URL = "jdbc:h2:mem:gated-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Test
    void whileTheGateIsShutTheMakerWaitsAndMakesTheConnectionAsSoonAsItOpens() throws Exception {
        StorageGate gate = shutGate(true);
        CompletableFuture<Connection> made = makeConnection(gate);
        try {
            made.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("a connection was made, or refused, while the gate was shut");
        } catch (TimeoutException stillWaiting) {
            // as it should
        }
        gate.open();
        try (Connection connection = made.get(2, TimeUnit.SECONDS)) {
            assertTrue(connection.isValid(1));
        }
    }

    @Test
    void aMakerStillWaitingWhenTheDatabaseClosesIsRefused() throws Exception {
        StorageGate gate = shutGate(true);
        CompletableFuture<Connection> made = makeConnection(gate);
        gate.close();
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> made.get(2, TimeUnit.SECONDS));
        assertTrue(StorageFailure.refusedBeforeStarting(refused), refused.toString());
    }

    /** A start on a full disk, or on a damaged file, fails saying so instead of waiting for ever. */
    @Test
    void beforeTheDatabaseServesTheMakerIsRefusedAtOnce() throws Exception {
        StorageGate gate = shutGate(false);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> makeConnection(gate).get(2, TimeUnit.SECONDS));
        assertTrue(StorageFailure.refusedBeforeStarting(refused), refused.toString());
    }

    @Test
    void aRequestThatGotNoPooledConnectionWhileShutIsRefusedAsAtTheGate() {
        StorageGate gate = new StorageGate(null);
        RuntimeException timedOut = new ConnectionException(new SQLTransientConnectionException("Connection is not available"));
        assertEquals(timedOut, gate.storageFailureWhileShut(timedOut), "an open gate: a busy pool, as it is");
        gate.shut(new IOException("No space left on device"));
        assertTrue(StorageFailure.refusedBeforeStarting(gate.storageFailureWhileShut(timedOut)));
        RuntimeException other = new IllegalStateException("a fault of ours");
        assertEquals(other, gate.storageFailureWhileShut(other));
        assertFalse(StorageFailure.refusedBeforeStarting(other));
    }

    /** H2 closing itself races the statements still running on its old connections; that answered 500 before. */
    @Test
    void anInternalErrorOfH2WhileShutIsAWriteThatMayHaveBeenKept() {
        StorageGate gate = new StorageGate(null);
        RuntimeException racedTheClose = new IllegalStateException(new JdbcSQLNonTransientException("General error:"
                + " \"java.lang.NullPointerException\"", null, "HY000", ErrorCode.GENERAL_ERROR_1, null, null));
        assertEquals(racedTheClose, gate.storageFailureWhileShut(racedTheClose), "an open gate: a fault, as it is");
        gate.shut(new IOException("File too large"));
        RuntimeException told = gate.storageFailureWhileShut(racedTheClose);
        assertTrue(StorageFailure.causedIt(told), told.toString());
        assertFalse(StorageFailure.refusedBeforeStarting(told), "it may have been kept: not a refusal");
        RuntimeException tooLong = new IllegalStateException(new JdbcSQLNonTransientException("Value too long", null,
                "22001", ErrorCode.VALUE_TOO_LONG_2, null, null));
        assertEquals(tooLong, gate.storageFailureWhileShut(tooLong), "H2's other errors are handed on as they are");
    }

    /**
     * The pool closes the connections it drops on a thread of its own, after it has stopped counting them: the file is
     * opened again only once every connection made is closed, or the late closing leaves the new opening unreachable.
     */
    @Test
    void theGateIsDrainedOnlyOnceEveryConnectionMadeIsClosed() throws Exception {
        StorageGate gate = new StorageGate(null);
        gate.serving();
        Connection made = new GatedH2Connections(URL, "sa", "", gate).getConnection();
        gate.shut(new IOException("File too large"));
        assertFalse(gate.drained(200), "drained while a connection made was still open");
        made.close();
        assertTrue(gate.drained(200));
    }

    /** A gate shut by a full disk, of a database already serving or still starting. */
    private static StorageGate shutGate(boolean serving) {
        StorageGate gate = new StorageGate(null);
        if (serving) gate.serving();
        gate.shut(new IOException("No space left on device"));
        return gate;
    }

    /** The pool's connection maker asking for a connection, on a thread of its own. */
    private static CompletableFuture<Connection> makeConnection(StorageGate gate) {
        GatedH2Connections connections = new GatedH2Connections(URL, "sa", "", gate);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return connections.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
