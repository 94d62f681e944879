package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxGateTest {

    @Test
    void aCallWaitsUntilTheDemoChainsAreWrittenThenPasses() throws Exception {
        CompletableFuture<Void> demoChains = new CompletableFuture<>();
        SandboxGate gate = new SandboxGate(demoChains, 30_000);
        CountDownLatch passed = new CountDownLatch(1);
        Thread call = new Thread(() -> {
            try {
                gate.doFilter(null, null, (req, res) -> passed.countDown());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        call.start();
        assertFalse(passed.await(300, TimeUnit.MILLISECONDS), "the call went through before the demo chains were written");
        demoChains.complete(null);
        assertTrue(passed.await(5, TimeUnit.SECONDS), "the call was still held after the demo chains were written");
        call.join();
    }

    @Test
    void onceTheChainsExistACallPassesAtOnce() throws Exception {
        SandboxGate gate = new SandboxGate(CompletableFuture.completedFuture(null), 30_000);
        int[] passed = {0};
        gate.doFilter(null, null, (req, res) -> passed[0]++);
        assertEquals(1, passed[0]);
    }
}
