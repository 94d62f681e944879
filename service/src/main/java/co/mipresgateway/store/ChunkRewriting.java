package co.mipresgateway.store;

import org.h2.mvstore.MVStore;

/**
 * H2's file housekeeping in small steps, taken by the group-commit writer between two group commits. H2 never
 * changes a page in place: every commit writes the pages it touched into a new chunk at the end or in a free
 * gap, and a chunk's space is reused only once none of its pages is live. Its own housekeeping (switched off with
 * AUTO_COMPACT_FILL_RATE=0) rewrites the live pages of sparse chunks and moves chunks towards the start of the
 * file, up to 24 MB at a time under the store lock, which held every commit up for 70-600 ms now and then under
 * nonstop writes. Here at most {@link #STEP_BYTES} of live pages are rewritten per step, a step at most every
 * {@link #EVERY_NANOS}: the cost stays under a few milliseconds and is spread over many commits. Chunks are not
 * moved, so the file does not shrink, but the space of the chunks emptied this way is reused.
 */
final class ChunkRewriting {

    /** Below this share of live data in the file's chunks, a step rewrites the sparsest ones. */
    static final int TARGET_FILL_RATE = 60;
    static final int STEP_BYTES = 256 * 1024;
    static final long EVERY_NANOS = 100_000_000L;

    private final MVStore store;
    private long lastStep = System.nanoTime();

    /** The steps for a store this process holds ({@link DurableCheckpoint#storeOf}). */
    ChunkRewriting(MVStore store) {
        this.store = store;
    }

    /**
     * Rewrites the live pages of the sparsest chunks, if a step is due and the chunks are sparse; true when it
     * changed pages, which the caller must then write (and force) like a commit.
     */
    boolean stepIfDue() {
        long now = System.nanoTime();
        if (now - lastStep < EVERY_NANOS) return false;
        lastStep = now;
        return step();
    }

    /** One step, due or not. */
    boolean step() {
        return store.compact(TARGET_FILL_RATE, STEP_BYTES);
    }

    /** Live data in the file's chunks, in percent: what the steps keep above {@link #TARGET_FILL_RATE}. */
    int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }
}
