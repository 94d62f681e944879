package co.mipresgateway.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;

/**
 * Frees the statements H2 (2.4.240) can leave spinning for ever on a store it closed after a failed write. A statement
 * starts by taking a share of the store's current version counter (MVStore.registerVersionUsage), retrying for as long
 * as that counter is below zero, which only a newer version (a write of the file) is meant to end. After H2 closed
 * itself on a failed write, the counter was left below zero (the spin shows it; most likely it was given back twice,
 * H2 closing the sessions from the failing thread while their own threads ended their statements; not traced): the
 * closed store never writes again, and the next statement on an old connection spins on it, burning a core and
 * holding its pooled connection. Seen under load in DiskFullIT: a request restoring autocommit after its failed
 * transaction spun there for minutes, so the group commit waited for ever for the old connections to be closed and the
 * file was never opened again.
 * <p>
 * The cure touches only a closed store: it is given a fresh counter, as a newer version would, so that the spinning
 * statement goes on, fails on the closed store and gives its connection back. Reflection, since the counter is H2's
 * private state; it runs on that failure's path only, never per request.
 */
final class SpinOnClosedStore {

    /** Null, like the two below, under another H2 than the one pinned: SpinOnClosedStoreTest fails on it first. */
    private static final Field CURRENT_COUNTER;
    private static final Constructor<TxCounter> NEW_COUNTER;
    private static final Method COUNT;
    /**
     * How long a call watches the counter. A spinning statement leaves it at -1 and 0 by turns, and can be off its core
     * for milliseconds while at 0 on a busy machine: ten thousand reads (40 µs) missed it in 10-45% of tries.
     */
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    static {
        Field current = null;
        Constructor<TxCounter> fresh = null;
        Method count = null;
        try {
            current = MVStore.class.getDeclaredField("currentTxCounter");
            current.setAccessible(true);
            fresh = TxCounter.class.getDeclaredConstructor(long.class);
            fresh.setAccessible(true);
            count = TxCounter.class.getDeclaredMethod("get");
            count.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Never a reason to stop the group commit's writer: without the cure, a spin keeps the file closed, as before.
            current = null;
        }
        CURRENT_COUNTER = current;
        NEW_COUNTER = fresh;
        COUNT = count;
    }

    private SpinOnClosedStore() {
    }

    /**
     * On a closed store, replaces its version counter with a fresh one; true when the old one was seen below zero, that
     * is when a statement was (or would have been) spinning on it. An open store is left as it is.
     */
    static boolean release(MVStore store) {
        if (CURRENT_COUNTER == null || !store.isClosed()) return false;
        try {
            TxCounter counter = (TxCounter) CURRENT_COUNTER.get(store);
            boolean spinning = false;
            long until = System.nanoTime() + WATCH_NANOS;
            while (!spinning && System.nanoTime() - until < 0) spinning = (int) COUNT.invoke(counter) < 0;
            CURRENT_COUNTER.set(store, NEW_COUNTER.newInstance(counter.version));
            return spinning;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;   // on the group commit's writer, which must go on waiting: the spin, if any, stays
        }
    }
}
