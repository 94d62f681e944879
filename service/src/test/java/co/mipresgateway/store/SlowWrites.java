package co.mipresgateway.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code slowWrites:} before a file path) whose writes each take a while, as on a busy disk. The
 * checkpoint tests use it so that a chunk H2's own threads write is still being written when a checkpoint returns
 * early: on a fast disk that window was a race, seen in 3-9 of 40 rounds here and in none of them on one CI run.
 */
public final class SlowWrites extends FilePathWrapper {

    private static final long WRITE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    static {
        FilePath.register(new SlowWrites());
    }

    /** H2 makes one per path, by reflection. */
    public SlowWrites() {
    }

    /** The H2 path of a file on this file system, which is registered by then. */
    static String path(Path file) {
        return "slowWrites:" + file.toAbsolutePath();
    }

    @Override
    public String getScheme() {
        return "slowWrites";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new SlowChannel(getBase().open(mode));
    }

    private static final class SlowChannel extends DelegatingFileChannel {

        SlowChannel(FileChannel channel) {
            super(channel);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            pause();
            return super.write(src, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            pause();
            return super.write(src);
        }

        private static void pause() throws IOException {
            try {
                TimeUnit.NANOSECONDS.sleep(WRITE_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("write interrupted");
            }
        }
    }
}
