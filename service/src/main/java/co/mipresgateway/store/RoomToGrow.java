package co.mipresgateway.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;

/**
 * Whether the embedded database's file could grow again, asked before it is opened again after a write to it failed.
 * Opened while the disk was still full, H2 wrote into the free space left inside its file and failed again as soon as
 * the file had to grow: dozens of failed writes and openings a minute, the paths of H2 least used, and in a soak of
 * DiskFullIT acknowledged writes were lost on one of those openings. So the file is opened again only once a probe
 * beside it can be written as far as the file would grow: {@link #BYTES} of real data (a full disk refuses them) past
 * the file's present size (a file size limit refuses that).
 */
final class RoomToGrow {

    static final int BYTES = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BYTES).asReadOnlyBuffer();

    private RoomToGrow() {
    }

    /**
     * True when the file's folder takes {@link #BYTES} more than the file holds now; the probe is removed either way.
     * The file is named as H2 names it, and the probe written through H2's file system for it.
     */
    static boolean beside(String databaseFile) {
        FilePath file = FilePath.get(databaseFile);
        FilePath probe = FilePath.get(databaseFile + ".room");
        try {
            long size = file.exists() ? file.size() : 0;
            try (FileChannel channel = probe.open("rw")) {
                channel.truncate(0);
                ByteBuffer zeros = ZEROS.duplicate();
                for (long at = size; zeros.hasRemaining(); ) at += channel.write(zeros, at);
            }
            return true;
        } catch (IOException | RuntimeException noRoom) {
            return false;
        } finally {
            try {
                probe.delete();
            } catch (RuntimeException e) {
                // a probe left behind is overwritten by the next one, and holds no data
            }
        }
    }
}
