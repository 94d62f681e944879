package co.mipresgateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's durability for the default embedded database, written in groups. H2 keeps committed transactions in
 * memory and writes them to its file as one chunk per store operation; writing one chunk per transaction
 * (WRITE_DELAY=0) makes every commit wait its turn behind the others' writes. Instead, a committed transaction
 * takes a ticket and waits until a {@link DurableCheckpoint} that started after its commit has written the file
 * and forced it to the disk: one writer thread runs them back to back, each covering every transaction committed
 * before it began. A request is answered only once its writes are on the disk, so neither a kill -9 nor a power
 * cut loses what was acknowledged, as far as the disk keeps what it is told to flush (without the force, H2 leaves
 * the flushing to the operating system, whose cache may hold the last 30 s).
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Between attempts to open the file again after it could not be written (a full disk, a size limit). */
    private static final long REOPEN_PAUSE_MS = 1_000;
    /**
     * How long the writer waits for the requests in flight to give their old connections back, each attempt; between
     * two, it frees any statement H2 left spinning on the closed store ({@link SpinOnClosedStore}).
     */
    private static final long DRAIN_PATIENCE_MS = 2_000;

    private final Thread writer;
    private final StorageGate gate;
    private long requested;
    private long written;
    private boolean closed;
    private Throwable failure;
    /**
     * Which opening of the database the commits belong to. A write that fails leaves H2 closed (its "panic"), and
     * what it held only in memory is gone: a transaction committed before that can never be acknowledged, even once
     * the file is opened again and written, since its changes were not in what was opened.
     */
    private volatile long opening;
    /** Whether the last attempt to open or write the file failed: the writer thread's own. */
    private boolean failing;
    /**
     * Whether no request has been written since the last failure: the writer thread's own, so that a disk that lets the
     * file be opened again but not grown (a reopened file writes nothing until a request comes) logs its failure once
     * and its recovery once, when a request is written.
     */
    private boolean nothingWrittenSinceAFailure;
    /** The store of the file's last opening, held by the writer's connection: the writer thread's own. */
    private MVStore storeOfTheLastOpening;

    GroupCommit(String url, String user, String password, StorageGate gate) {
        this.gate = gate;
        gate.whenShut(this::wake);
        // The writer opens its own connection, and with it the database file: on a first start that takes a quarter
        // of a second, which then overlaps the building of the web faces instead of holding it up.
        this.writer = new Thread(() -> writeLoop(url, user, password), "h2-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** The opening a transaction about to begin belongs to: asked before it begins, handed to awaitWritten after. */
    long opening() {
        return opening;
    }

    /** Whether the last write of the file succeeded: the health check's answer while the disk is full. */
    synchronized boolean writes() {
        return failure == null && !closed && !gate.isShut();
    }

    /** The gate was shut by a failure seen elsewhere: the writer stops waiting for work and opens the file again. */
    private synchronized void wake() {
        notifyAll();
    }

    /**
     * Returns once every transaction this thread committed before the call is in the database file; throws
     * {@link StorageFailure} when it cannot be, or can no longer be told.
     */
    void awaitWritten(long openingOfTheTransaction) {
        synchronized (this) {
            long ticket = ++requested;
            notifyAll();
            while (true) {
                if (opening != openingOfTheTransaction) throw new StorageFailure(failure);
                if (written >= ticket) return;
                if (failure != null) throw new StorageFailure(failure);
                if (closed) throw new IllegalStateException("the database is closing; the last write may not be on disk");
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the database wrote its file", e);
                }
            }
        }
    }

    private void writeLoop(String url, String user, String password) {
        try {
            while (true) {
                try {
                    if (writeUntilAFailure(url, user, password)) return;
                } catch (SQLException | RuntimeException e) {
                    // The file could not be opened, or could not be written: every transaction committed so far is told
                    // so, no connection is lent, and once the old ones are all closed and the disk has room for the
                    // file to grow, the file is opened afresh (H2 closes itself after a failed write), every second,
                    // until it can be written.
                    gate.shut(e);
                    synchronized (this) {
                        failure = e;
                        opening++;
                        notifyAll();
                    }
                    if (!nothingWrittenSinceAFailure && StorageFailure.causedIt(e)) {
                        LOG.error("The database file could not be written ({}); writes are refused (503) until it can be:"
                                + " free disk space where MIPRES_DATA_DIR is; they are accepted again within seconds of"
                                + " that", Causes.root(e).toString());
                    } else if (!nothingWrittenSinceAFailure) {
                        // A damaged file, say: no free space mends it, and the start fails saying what does.
                        LOG.error("The database file could not be opened or written ({}); writes are refused (503)",
                                Causes.root(e).toString());
                    }
                    failing = true;
                    nothingWrittenSinceAFailure = true;
                }
                if (pausedUntilClosed()) return;
                while (!gate.drained(DRAIN_PATIENCE_MS)) {
                    synchronized (this) {
                        if (closed) return;
                    }
                    releaseStatementsSpinningOnTheClosedStore();
                }
                if (storeOfTheLastOpening != null) {
                    // Nothing of the last opening may write to the file once it is opened again: H2's own threads included.
                    storeOfTheLastOpening.closeImmediately();
                    String file = storeOfTheLastOpening.getFileStore().getFileName();
                    while (!RoomToGrow.beside(file)) {
                        if (pausedUntilClosed()) return;
                    }
                }
            }
        } catch (Error e) {
            // An OutOfMemoryError from a heap that other requests exhausted: a writer that died silently would leave
            // every waiting request waiting for ever.
            synchronized (this) {
                failure = e;
                closed = true;
                notifyAll();
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    /** Opens the file and writes each group as it comes; true when closed, throws at the first failure. */
    private boolean writeUntilAFailure(String url, String user, String password) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            // Empty when the file belongs to another process (an operator command beside a running gateway reaches it
            // through that one's server): its housekeeping and its own chunks stay with that process.
            Optional<MVStore> ownStore = DurableCheckpoint.storeOf(connection);
            // Writes every change committed so far to the file and forces it to the disk; the force costs 0.3-0.5 ms
            // here, shared by the whole group.
            DurableCheckpoint checkpoint = DurableCheckpoint.of(connection, ownStore.orElse(null));
            Optional<ChunkRewriting> chunkRewriting = ownStore.map(ChunkRewriting::new);
            storeOfTheLastOpening = ownStore.orElse(null);
            long requestedBeforeOpening;
            synchronized (this) {
                requestedBeforeOpening = requested;
            }
            while (true) {
                long upTo;
                synchronized (this) {
                    // After a failure the file is tried at once, so that a recovery is known without waiting for a write.
                    while (requested == written && !closed && !failing && !gate.isShut()) wait();
                    if (closed) return true;
                    if (gate.isShut() && !failing) throw new StorageFailure(gate.shutBy());
                    upTo = requested;
                }
                checkpoint.run();
                synchronized (this) {
                    written = upTo;
                    failure = null;
                    notifyAll();
                }
                if (failing) gate.open();
                failing = false;
                if (nothingWrittenSinceAFailure && upTo > requestedBeforeOpening) {
                    nothingWrittenSinceAFailure = false;
                    LOG.info("The database file is written again; writes are accepted");
                }
                chunkRewriting.ifPresent(steps -> rewriteSparseChunks(steps, checkpoint));
            }
        }
    }

    /** Waits between two attempts to open the file again; true when the database closed meanwhile. */
    private synchronized boolean pausedUntilClosed() throws InterruptedException {
        // Every awaitWritten notifies: the pause is kept whole, so that a busy service does not retry at once.
        long until = System.currentTimeMillis() + REOPEN_PAUSE_MS;
        for (long left = REOPEN_PAUSE_MS; left > 0 && !closed; left = until - System.currentTimeMillis()) wait(left);
        return closed;
    }

    private void releaseStatementsSpinningOnTheClosedStore() {
        if (storeOfTheLastOpening != null && SpinOnClosedStore.release(storeOfTheLastOpening)) {
            LOG.warn("A statement was spinning on the database H2 closed after the failed write (its version counter"
                    + " below zero); the counter was reset so that the statement fails and gives its connection back");
        }
    }

    /** A housekeeping step after the group is answered, so that it delays no answer of the group. */
    private static void rewriteSparseChunks(ChunkRewriting chunkRewriting, DurableCheckpoint checkpoint) {
        try {
            // Rewritten pages are written and forced at once, not left to H2's unforced background writer: the
            // short RETENTION_TIME relies on every chunk being on the disk before its space is reused.
            if (chunkRewriting.stepIfDue()) checkpoint.run();
        } catch (SQLException | RuntimeException e) {
            // housekeeping only: the file stays consistent, and a file that cannot be written fails the next group
            LOG.warn("Housekeeping of the database file failed: {}", Causes.root(e).toString(), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(5_000);   // the writer closes its connection as it ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // closing anyway: H2 writes what is left when its last connection closes
        }
    }
}
