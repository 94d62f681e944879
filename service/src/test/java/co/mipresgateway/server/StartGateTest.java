package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartGateTest {

    static final String MINISTRY = "/WSSUMMIPRESNOPBS/";

    @Test
    void aCallWaitsUntilTheDemoChainsAreWrittenThenPasses() throws Exception {
        CompletableFuture<Void> demoChains = new CompletableFuture<>();
        StartGate gate = new StartGate(StartGateTest.MINISTRY, demoChains, 30_000);
        CountDownLatch passed = new CountDownLatch(1);
        Thread call = new Thread(() -> {
            try {
                gate.doFilter(request("/wssummipresnopbs/api/generartoken/900000001/x"), null, (req, res) -> passed.countDown());
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
        StartGate gate = new StartGate(StartGateTest.MINISTRY, CompletableFuture.completedFuture(null), 30_000);
        int[] passed = {0};
        gate.doFilter(request("/WSSUMMIPRESNOPBS/api/GenerarToken/900000001/x"), null, (req, res) -> passed[0]++);
        assertEquals(1, passed[0]);
    }

    @Test
    void theRootAndTheHealthAreNotHeldWhileTheSandboxStarts() throws Exception {
        StartGate gate = new StartGate(StartGateTest.MINISTRY, new CompletableFuture<>(), 30_000);
        int[] passed = {0};
        gate.doFilter(request("/"), null, (req, res) -> passed[0]++);
        gate.doFilter(request("/health"), null, (req, res) -> passed[0]++);
        assertEquals(2, passed[0]);
    }

    @Test
    void theSoapGateHoldsOnlyTheSoapPath() throws Exception {
        CompletableFuture<Void> soapFace = new CompletableFuture<>();
        StartGate gate = new StartGate(GatewayServer.SOAP_PATH, soapFace, 30_000);
        int[] passed = {0};
        gate.doFilter(request("/WSSUMMIPRESNOPBS/api/GenerarToken/900000001/x"), null, (req, res) -> passed[0]++);
        assertEquals(1, passed[0]);
        CountDownLatch soapPassed = new CountDownLatch(1);
        Thread call = new Thread(() -> {
            try {
                gate.doFilter(request(GatewayServer.SOAP_PATH), null, (req, res) -> soapPassed.countDown());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        call.start();
        assertFalse(soapPassed.await(300, TimeUnit.MILLISECONDS), "a SOAP call went through before its face was up");
        soapFace.completeExceptionally(new IllegalStateException("the face failed"));
        assertTrue(soapPassed.await(5, TimeUnit.SECONDS), "a SOAP call was still held after its face failed");
        call.join();
    }

    /** A request that knows only its path, which is all the gate reads. */
    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(StartGateTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestURI")) return uri;
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
