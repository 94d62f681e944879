package co.mipresgateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * H2's durability for the default embedded database, written in groups. H2 keeps committed transactions in
 * memory and writes them to its file as one chunk per store operation; writing one chunk per transaction
 * (WRITE_DELAY=0) makes every commit wait its turn behind the others' writes. Instead, a committed transaction
 * takes a ticket and waits until a CHECKPOINT SYNC that started after its commit has written the file and
 * forced it to the disk: one writer thread runs them back to back, each covering every transaction committed
 * before it began. A request is answered only once its writes are on the disk, so neither a kill -9 nor a power
 * cut loses what was acknowledged, as far as the disk keeps what it is told to flush (without the SYNC, H2 leaves
 * the flushing to the operating system, whose cache may hold the last 30 s).
 */
final class GroupCommit implements AutoCloseable {

    private final Thread writer;
    private long requested;
    private long written;
    private boolean closed;
    private Throwable failure;

    GroupCommit(String url, String user, String password) {
        // The writer opens its own connection, and with it the database file: on a first start that takes a quarter
        // of a second, which then overlaps the building of the web faces instead of holding it up.
        this.writer = new Thread(() -> writeLoop(url, user, password), "h2-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Returns once every transaction this thread committed before the call is in the database file. */
    void awaitWritten() {
        synchronized (this) {
            long ticket = ++requested;
            notifyAll();
            while (written < ticket) {
                if (failure != null) throw new IllegalStateException("the database could not write its file", failure);
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
        // Writes every change committed so far to the file and forces it to the disk (H2: Database.sync ->
        // MVStore.commit, then FileChannel.force); the force costs 0.3-0.5 ms here, shared by the whole group.
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT SYNC")) {
            Optional<ChunkRewriting> chunkRewriting = ChunkRewriting.of(connection);
            while (true) {
                long upTo;
                synchronized (this) {
                    while (requested == written && !closed) wait();
                    if (closed) return;
                    upTo = requested;
                }
                try {
                    checkpoint.execute();
                    synchronized (this) {
                        written = upTo;
                        failure = null;
                        notifyAll();
                    }
                    chunkRewriting.ifPresent(steps -> rewriteSparseChunks(steps, checkpoint));
                } catch (SQLException e) {
                    synchronized (this) {
                        failure = e;
                        notifyAll();
                    }
                    Thread.sleep(100);
                }
            }
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too (an OutOfMemoryError from a heap that other requests exhausted): a writer that died
            // silently would leave every waiting request waiting for ever.
            synchronized (this) {
                failure = e;   // the file could not be opened, or the writer broke: no commit can be acknowledged
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

    /** A housekeeping step after the group is answered, so that it delays no answer of the group. */
    private static void rewriteSparseChunks(ChunkRewriting chunkRewriting, PreparedStatement checkpoint) {
        try {
            // Rewritten pages are written and forced at once, not left to H2's unforced background writer: the
            // short RETENTION_TIME relies on every chunk being on the disk before its space is reused.
            if (chunkRewriting.stepIfDue()) checkpoint.execute();
        } catch (SQLException | RuntimeException e) {
            // housekeeping only: the file stays consistent, and a file that cannot be written fails the next group
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
