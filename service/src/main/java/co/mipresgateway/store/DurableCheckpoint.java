package co.mipresgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Writes every change committed so far to the database file and forces it to the disk, including the changes a store
 * H2 began by itself is still writing. H2's CHECKPOINT SYNC (MVStore.commit, then FileChannel.force) does not wait for
 * those: H2's background writer (WRITE_DELAY) and a commit past H2's memory threshold store without waiting, their
 * chunk written by H2's own threads a little later, and a commit that finds nothing left unsaved returns at once. The
 * force then comes before that chunk is written, and a group acknowledged on it was lost when the chunk could not be
 * written after all (seen in DiskFullIT: acknowledged, then missing once the file was opened again), as it would be by
 * a kill or a power cut in that moment. So the writer stores what is unsaved, waits until the file holds every version
 * begun so far, and only then forces it. DurableCheckpointTest shows H2 leaving such a chunk unwritten.
 */
final class DurableCheckpoint {

    /** A store H2 began writes a chunk in milliseconds; far beyond that, something is wrong and the group is not acknowledged. */
    private static final long WRITE_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /** Null when the file belongs to another process, reached through its server: that process forces it. */
    private final MVStore store;
    /** With no store of its own: the statement that has the process holding the file run the checkpoint. */
    private final PreparedStatement checkpoint;

    private DurableCheckpoint(MVStore store, PreparedStatement checkpoint) {
        this.store = store;
        this.checkpoint = checkpoint;
    }

    /**
     * The checkpoint for a writer's connection: through the store this process holds, or, when the file is another
     * process's (a null store), through the {@link ServerSideCheckpoint} that process runs.
     */
    static DurableCheckpoint of(Connection connection, MVStore ownStore) throws SQLException {
        return new DurableCheckpoint(ownStore, ownStore == null ? ServerSideCheckpoint.on(connection) : null);
    }

    /** The checkpoint through a store this process holds. */
    static DurableCheckpoint on(MVStore ownStore) {
        return new DurableCheckpoint(ownStore, null);
    }

    /**
     * The store behind an H2 connection, when this process holds the file; empty with AUTO_SERVER's second process (an
     * operator command beside a running gateway), which reaches the file through the first one's server.
     */
    static Optional<MVStore> storeOf(Connection connection) throws SQLException {
        if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            return Optional.of(session.getDatabase().getStore().getMvStore());
        }
        return Optional.empty();
    }

    /** Returns once every change committed before the call is in the file and forced to the disk; throws otherwise. */
    void run() throws SQLException {
        if (store == null) {
            checkpoint.execute();
            return;
        }
        store.commit();
        // Every change committed before the call is in a version up to this one, stored now or by a store begun before.
        long version = store.getCurrentVersion();
        awaitWritten(version);
        store.sync();
    }

    private void awaitWritten(long version) {
        long deadline = System.nanoTime() + WRITE_PATIENCE_NANOS;
        while (store.getFileStore().lastChunkVersion() < version) {
            // A chunk H2 could not write leaves the store in panic, the version never written: that failure is the answer.
            MVStoreException failed = store.getPanicException();
            if (failed != null) throw failed;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("H2 had not written version " + version + " of the database file after "
                        + TimeUnit.NANOSECONDS.toSeconds(WRITE_PATIENCE_NANOS) + " s (last written: "
                        + store.getFileStore().lastChunkVersion() + ")");
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
