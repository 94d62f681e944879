package co.mipresgateway.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.ErrorCode;

/**
 * Keeps the pool's connections away from the embedded database from the moment a write to its file is known to have
 * failed until the file is opened again. H2 (2.4) closes itself after such a failure, and each connection opened
 * before it, used again, closes it once more: when the file has been opened afresh by then, that closing unregisters
 * the new opening by its name, which goes on holding the file and its lock with no way left to reach it, and no
 * connection can be made until a restart (seen under load: "Database may be already in use: Server is running"). So
 * once the failure is known no old connection is lent and no new one is made, and the file is opened again only after
 * the last old one is closed.
 */
final class StorageGate {

    private static final long POLL_MS = 10;

    /** Null where there is no pool (a test of the group commit alone). */
    private final HikariDataSource pool;
    private final AtomicInteger inUse = new AtomicInteger();
    /**
     * Every embedded connection made and not yet seen closed. The pool closes the connections it drops on a thread of
     * its own, after it has stopped counting them: the file was opened again while one of them was still closing, and
     * its closing then left the new opening unreachable ("Server is running", seen in a soak of DiskFullIT).
     */
    private final Set<Connection> made = ConcurrentHashMap.newKeySet();
    private volatile Throwable shutBy;
    private volatile Runnable whenShut = () -> { };
    private volatile boolean closed;
    private volatile boolean serving;

    StorageGate(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Before a request takes a connection; throws {@link StorageFailure} while the file cannot be written. */
    void enter() {
        inUse.incrementAndGet();
        Throwable cause = shutBy;
        if (cause != null) {
            inUse.decrementAndGet();
            throw StorageFailure.refusal(cause);
        }
    }

    /** A connection to the file was made. */
    void made(Connection connection) {
        made.removeIf(StorageGate::closed);   // a handful at most: the pool's size, and those it replaced
        made.add(connection);
    }

    /** After the request has given its connection back. */
    void leave() {
        inUse.decrementAndGet();
    }

    boolean isShut() {
        return shutBy != null;
    }

    Throwable shutBy() {
        return shutBy;
    }

    /** A write to the file failed, wherever it was seen: the first to see it shuts the gate and wakes the writer. */
    void shut(Throwable cause) {
        if (shutBy != null) return;
        shutBy = cause;
        whenShut.run();
    }

    void whenShut(Runnable action) {
        this.whenShut = action;
    }

    /** The file was opened again and written: connections may be made and lent again. */
    void open() {
        shutBy = null;
    }

    /** The database is migrated and serving: a failure from now on is waited out, not a reason to fail the start. */
    void serving() {
        serving = true;
    }

    /**
     * Waits while the gate is shut, for the pool's connection maker: failing instead, it would pause between tries,
     * doubling the pause up to 5 s (HikariCP), and could still be pausing when the file is open again while requests
     * wait out their connection timeout. False at once before the database serves (a start on a full disk or a
     * damaged file fails, saying so, rather than hang); false when it closes or the wait is interrupted, still shut.
     */
    boolean awaitOpen() {
        while (shutBy != null) {
            if (closed || !serving) return false;
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return shutBy == null;
            }
        }
        return true;
    }

    /** The database is closing: nothing waits for the gate any more. */
    void close() {
        closed = true;
    }

    /**
     * What a request that failed while the gate was shut is told. One that waited for a pooled connection in vain is
     * refused as one refused at the gate (nothing of it was done), not taken for a busy database. One whose connection
     * H2 failed with an internal error is taken for a write that may or may not have been kept: H2 closing itself after
     * the failed write races the statements still running on its old connections (seen under load: "General error:
     * NullPointerException ... FileLock.unlock()"), which answered 500 before. Anything else is handed on as it is.
     */
    RuntimeException storageFailureWhileShut(RuntimeException failure) {
        Throwable cause = shutBy;
        if (cause == null) return failure;
        if (Causes.anySql(failure, sql -> sql instanceof SQLTransientConnectionException)) {
            return StorageFailure.refusal(cause);
        }
        if (Causes.anySql(failure, sql -> sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1)) return new StorageFailure(failure);
        return failure;
    }

    /**
     * Waits, with the gate shut, until no request holds a connection and every connection made is closed;
     * false when that takes longer than the patience given (a request still held up), to be tried again later.
     */
    boolean drained(long patienceMs) throws InterruptedException {
        long until = System.currentTimeMillis() + patienceMs;
        while (inUse.get() > 0) {
            if (System.currentTimeMillis() > until) return false;
            Thread.sleep(POLL_MS);
        }
        HikariPoolMXBean connections = pool == null ? null : pool.getHikariPoolMXBean();
        if (connections != null) {   // null: the pool never made one
            connections.softEvictConnections();
            while (connections.getTotalConnections() > 0) {
                if (System.currentTimeMillis() > until) return false;
                Thread.sleep(POLL_MS);
                connections.softEvictConnections();
            }
        }
        while (true) {
            made.removeIf(StorageGate::closed);
            if (made.isEmpty()) return true;
            if (System.currentTimeMillis() > until) return false;
            Thread.sleep(POLL_MS);
        }
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;   // H2 answers isClosed without failing; a connection that cannot say is not waited for
        }
    }
}
