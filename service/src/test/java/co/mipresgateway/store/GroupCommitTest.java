package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged commit is on the disk, not only in the operating system's cache: a power cut keeps it. H2 is
 * opened through a file system of its own ({@link ForcedWrites}) that counts the writes to the database file and
 * which of them a force (fsync) has covered; a killed process is {@code CrashDurabilityIT}'s part.
 */
class GroupCommitTest {

    @BeforeAll
    static void registerFileSystem() {
        FilePath.register(new ForcedWrites());
    }

    /**
     * A write of the file fails (the disk is full): H2 closes itself, and what it held only in memory is gone. A
     * transaction committed before that is never acknowledged, even once the file is opened and written again.
     */
    @Test
    void aCommitMadeBeforeAFailedWriteIsNeverAcknowledgedEvenAfterTheFileIsWrittenAgain(@TempDir Path dir) throws Exception {
        // Without AUTO_SERVER, whose lock may keep a process from opening again a file it closed this way.
        String url = "jdbc:h2:" + ForcedWrites.SCHEME + ":" + dir.resolve("db") + ";WRITE_DELAY=500";
        try (GroupCommit groupCommit = new GroupCommit(url, "", "", new StorageGate(null))) {
            try (Connection connection = DriverManager.getConnection(url, "", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE entrega (id INT PRIMARY KEY)");
                groupCommit.awaitWritten(groupCommit.opening());
                long before = groupCommit.opening();
                statement.execute("INSERT INTO entrega VALUES (1)");   // committed in memory
                ForcedWrites.FULL.set(true);
                assertThrows(StorageFailure.class, () -> groupCommit.awaitWritten(before));
                assertFalse(groupCommit.writes());
                ForcedWrites.FULL.set(false);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!groupCommit.writes() && System.nanoTime() < deadline) Thread.sleep(50);
                assertTrue(groupCommit.writes(), "the file was not written again within 10 s of the disk having room");
                assertThrows(StorageFailure.class, () -> groupCommit.awaitWritten(before), "acknowledged a lost commit");
            }
            try (Connection connection = DriverManager.getConnection(url, "", "");
                    Statement statement = connection.createStatement()) {
                long after = groupCommit.opening();
                statement.execute("INSERT INTO entrega VALUES (2)");
                groupCommit.awaitWritten(after);
            }
        } finally {
            ForcedWrites.FULL.set(false);
        }
    }

    @Test
    void awaitWrittenReturnsOnlyOnceTheCommitIsForcedToTheDisk(@TempDir Path dir) throws Exception {
        String url = Database.embeddedUrl(ForcedWrites.SCHEME + ":" + dir.resolve("db"));
        try (GroupCommit groupCommit = new GroupCommit(url, "", "", new StorageGate(null));
                Connection connection = DriverManager.getConnection(url, "", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entrega (id INT PRIMARY KEY)");
            groupCommit.awaitWritten(groupCommit.opening());
            for (int id = 1; id <= 20; id++) {
                statement.execute("INSERT INTO entrega VALUES (" + id + ")");   // auto-commit: committed in memory
                long writesBeforeTheFile = ForcedWrites.WRITES.get();
                groupCommit.awaitWritten(groupCommit.opening());
                assertTrue(ForcedWrites.FORCED_UP_TO.get() > writesBeforeTheFile,
                        "commit " + id + " was acknowledged before a force covered the write that carried it ("
                                + ForcedWrites.WRITES.get() + " writes, forced up to " + ForcedWrites.FORCED_UP_TO.get() + ")");
            }
        }
    }

    /** H2's file system with every database-file channel counted, and failing on demand: "forced:" + a path. */
    public static final class ForcedWrites extends FilePathWrapper {
        static final String SCHEME = "forced";
        /** While set, every write to a .mv.db file fails, as on a full disk. */
        static final java.util.concurrent.atomic.AtomicBoolean FULL = new java.util.concurrent.atomic.AtomicBoolean();
        /** Writes to any .mv.db file so far. */
        static final AtomicLong WRITES = new AtomicLong();
        /** The number of writes that had happened when the last completed force began: those are on the disk. */
        static final AtomicLong FORCED_UP_TO = new AtomicLong();

        /** H2 makes one per path, by reflection. */
        public ForcedWrites() {
        }

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            FileChannel channel = super.open(mode);
            return name.endsWith(".mv.db") ? new CountedChannel(channel) : channel;
        }
    }

    private static final class CountedChannel extends DelegatingFileChannel {

        CountedChannel(FileChannel channel) {
            super(channel);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (ForcedWrites.FULL.get()) throw new IOException("No space left on device");
            int written = super.write(src, position);
            ForcedWrites.WRITES.incrementAndGet();
            return written;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (ForcedWrites.FULL.get()) throw new IOException("No space left on device");
            int written = super.write(src);
            ForcedWrites.WRITES.incrementAndGet();
            return written;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            long covered = ForcedWrites.WRITES.get();
            super.force(metaData);
            ForcedWrites.FORCED_UP_TO.accumulateAndGet(covered, Math::max);
        }
    }
}
