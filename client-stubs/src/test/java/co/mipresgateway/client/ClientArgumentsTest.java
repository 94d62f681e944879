package co.mipresgateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.ReporteEntrega;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library refuses a wrong argument where it is given, before anything is sent. Several were used only when
 * something else went wrong (a retry's wait, the lookup after a lost answer), and failed there instead.
 */
class ClientArgumentsTest {

    /** The ministry answering every request with a 500: a refused argument must leave it with no request. */
    private final WireMockServer ministry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void startMinistry() {
        ministry.start();
        ministry.stubFor(any(anyUrl()).willReturn(serverError()));
    }

    @AfterEach
    void stopMinistry() {
        ministry.stop();
    }

    private String url() {
        return "http://127.0.0.1:" + ministry.port();
    }

    private int requests() {
        return ministry.getAllServeEvents().size();
    }

    private SuministroClient client() {
        return SuministroClient.builder(url()).credentials("900000001", "token")
                .putRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))).build();
    }

    @Test
    void anAddressWithoutHttpOrItsHostIsRefusedWhenTheClientIsBuilt() {
        for (String address : List.of("localhost:8080", "ftp://localhost:8080", "", "http://local host", "http:///WSSUMMIPRESNOPBS")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SuministroClient.builder(address), address);
            assertTrue(refused.getMessage().contains("http:// or https://"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> SuministroSoap.port(address, Duration.ofSeconds(1)), address);
        }
        assertThrows(IllegalArgumentException.class, () -> SuministroSoap.port("localhost:8080/WSSUMMIPRESNOPBS/soap/suministro", Duration.ofSeconds(1)));
    }

    @Test
    void aTimeoutOrLifetimeOfZeroOrLessIsRefused() {
        List<Consumer<Duration>> settings = List.of(
                d -> SuministroClient.builder(url()).connectTimeout(d),
                d -> SuministroClient.builder(url()).requestTimeout(d),
                d -> SuministroClient.builder(url()).sessionTokenLifetime(d),
                // CXF takes a receive timeout of zero as none: a call would wait for ever.
                d -> SuministroSoap.port(url(), d));
        for (Consumer<Duration> setting : settings) {
            assertThrows(IllegalArgumentException.class, () -> setting.accept(Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> setting.accept(Duration.ofSeconds(-1)));
            assertThrows(NullPointerException.class, () -> setting.accept(null));
        }
    }

    @Test
    void aRetryPolicyThatCouldNotWaitIsRefusedWhenMadeNotAtTheFirstFailure() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> new RetryPolicy(3, null, Duration.ofMillis(1)));
        assertEquals(Duration.ZERO, new RetryPolicy(1, Duration.ZERO, Duration.ZERO).delayAfter(1));
    }

    @Test
    void blankCredentialsAreRefusedWhenGiven() {
        assertThrows(IllegalArgumentException.class, () -> SuministroClient.builder(url()).credentials("", "token"));
        assertThrows(IllegalArgumentException.class, () -> SuministroClient.builder(url()).credentials("900000001", " "));
        assertThrows(IllegalArgumentException.class, () -> SuministroSoap.connect(url(), "900000001", "", Duration.ofSeconds(1)));
        assertEquals(0, requests());
    }

    @Test
    void anExactlyOnceStepWithoutThePrescriptionToLookItUpByIsRefusedBeforeItIsSent() {
        SuministroClient client = client();
        Entrega entrega = new Entrega();
        entrega.setID(1L);
        ReporteEntrega reporte = new ReporteEntrega();
        reporte.setID(1L);
        assertThrows(NullPointerException.class, () -> client.entregaExactlyOnce(entrega, null));
        for (String blank : new String[] {"", "  "}) {
            assertThrows(IllegalArgumentException.class, () -> client.entregaExactlyOnce(entrega, blank));
            assertThrows(IllegalArgumentException.class, () -> client.reporteEntregaExactlyOnce(reporte, blank));
        }
        assertThrows(NullPointerException.class, () -> client.entregaExactlyOnce(null, "20190101100000000001"));
        assertEquals(0, requests(), "nothing may be sent: the lookup after a lost answer would have failed");
    }

    @Test
    void aMissingBodyOrQueryValueIsRefusedBeforeTheSessionIsOpened() {
        SuministroClient client = client();
        assertThrows(NullPointerException.class, () -> client.entrega(null));
        assertThrows(NullPointerException.class, () -> client.reporteEntrega(null));
        assertThrows(NullPointerException.class, () -> client.entregaXPrescripcion(null));
        assertThrows(NullPointerException.class, () -> client.entregaXFecha(null));
        assertThrows(NullPointerException.class, () -> client.entregaXPacienteFecha(LocalDate.now(), null, "123"));
        assertThrows(NullPointerException.class, () -> client.xFechaBetween(LocalDate.now(), LocalDate.now(), null));
        assertThrows(NullPointerException.class, () -> client.queryRetried(null));
        assertEquals(0, requests());
    }
}
