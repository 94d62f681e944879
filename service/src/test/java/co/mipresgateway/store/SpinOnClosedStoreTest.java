package co.mipresgateway.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;
import org.junit.jupiter.api.Test;

/**
 * H2's statements spinning on a store it closed after a failed write, and their release. The store's version counter
 * given back twice, as H2 closing its sessions from another thread did under load (DiskFullIT), is made here by hand.
 * H2 runs without its assertions, here as in the service (surefire's argLine): with them, the spin is an
 * AssertionError instead.
 */
class SpinOnClosedStoreTest {

    @Test
    void aStatementStartingOnAClosedStoreWhoseCounterWasGivenBackTwiceSpinsUntilTheCounterIsReleased() throws Exception {
        MVStore store = new MVStore.Builder().open();
        TxCounter counter = store.registerVersionUsage();
        store.deregisterVersionUsage(counter);
        store.deregisterVersionUsage(counter);
        store.closeImmediately();

        Thread statement = new Thread(store::registerVersionUsage, "statement-on-a-closed-store");
        statement.setDaemon(true);   // should the release not work, the spin must not outlive the test run
        statement.start();
        statement.join(300);
        // H2's own behaviour: if this fails, the H2 in use no longer spins here, and SpinOnClosedStore may go.
        assertTrue(statement.isAlive(), "the statement did not spin on the closed store");

        assertTrue(SpinOnClosedStore.release(store), "the spinning statement was not seen");
        statement.join(5_000);
        assertFalse(statement.isAlive(), "the statement still spins after the release");
    }

    @Test
    void anOpenStoreIsLeftAsItIs() {
        MVStore store = new MVStore.Builder().open();
        try {
            TxCounter counter = store.registerVersionUsage();
            assertFalse(SpinOnClosedStore.release(store));
            assertSame(counter, store.registerVersionUsage(), "the open store's counter was replaced");
        } finally {
            store.closeImmediately();
        }
    }

    @Test
    void aClosedStoreWithNothingSpinningIsNotReportedAsSpinning() {
        MVStore store = new MVStore.Builder().open();
        store.deregisterVersionUsage(store.registerVersionUsage());
        store.closeImmediately();
        assertFalse(SpinOnClosedStore.release(store));
    }
}
