package co.mipresgateway.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers a ministry's web server may give that are not the contract's, each told for what it is. */
class OddAnswersTest {

    private static final String TOKEN = "c2Vzc2lvbi10b2tlbi1mb3ItdGVzdHMtb25seS0xMjM=";
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    private final WireMockServer ministry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private SuministroClient client;

    @BeforeEach
    void startMinistry() {
        ministry.start();
        ministry.stubFor(get(urlPathMatching("/WSSUMMIPRESNOPBS/api/GenerarToken/.*")).willReturn(okJson("\"" + TOKEN + "\"")));
        client = SuministroClient.builder("http://127.0.0.1:" + ministry.port()).credentials("900000001", "primario").build();
    }

    @AfterEach
    void stopMinistry() {
        ministry.stop();
    }

    private void entregaXFechaAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        ministry.stubFor(get(urlPathMatching("/WSSUMMIPRESNOPBS/api/EntregaXFecha/.*")).willReturn(answer));
    }

    /** A day without records answered "null" reached the caller as a null list. */
    @Test
    void aQueryAnsweredNullIsAnEmptyList() {
        entregaXFechaAnswers(okJson("null"));
        assertEquals(List.of(), client.entregaXFecha(DAY));
        assertEquals(List.of(), client.xFechaBetween(DAY, DAY.plusDays(2), client::entregaXFecha));
    }

    /**
     * The HTTP client follows no redirect, and the refusal said only "HTTP 301". It now names where to, without the
     * path: the session token is in it.
     */
    @Test
    void aRedirectIsToldWithTheHostItPointsToAndNotTheToken() {
        entregaXFechaAnswers(aResponse().withStatus(301)
                .withHeader("Location", "https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api/EntregaXFecha/900000001/2025-06-02/" + TOKEN));
        MipresException refused = assertThrows(MipresException.class, () -> client.entregaXFecha(DAY));
        assertEquals(301, refused.status());
        assertEquals("HTTP 301: el servicio responde desde otra dirección (https://wsmipres.sispro.gov.co): úsela como dirección"
                + " del servicio", refused.getMessage());
        assertFalse(refused.getMessage().contains(TOKEN));
    }

    /** An error page answered with 200 was told by the JSON parser's message alone. */
    @Test
    void aPageAnsweredWith200IsQuotedAfterTheParsersWords() {
        entregaXFechaAnswers(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Server Error in '/' Application.</body></html>"));
        MipresException refused = assertThrows(MipresException.class, () -> client.entregaXFecha(DAY));
        assertTrue(refused.getMessage().startsWith("la respuesta no es el JSON esperado (Unexpected character ('<'"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("): <html><body>Server Error in '/' Application.</body></html>"), refused.getMessage());
    }
}
