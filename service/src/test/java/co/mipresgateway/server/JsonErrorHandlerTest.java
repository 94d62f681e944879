package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonErrorHandlerTest {

    @Test
    void jettysOwn503WhileTheServerStopsSaysNothingWasSavedAndToSendItAgain() {
        assertEquals("El servicio se está deteniendo y no se guardó nada de esta solicitud: envíela de nuevo en unos segundos.",
                JsonErrorHandler.message(503, "Service Unavailable", null));
    }

    @Test
    void jettysPathRefusalsAreToldInSpanishWithWhatToCheck() {
        assertEquals(JsonErrorHandler.CONTROL_CHARACTER, JsonErrorHandler.message(400, "Suspicious Path Character", null));
        assertEquals(JsonErrorHandler.ENCODED_SLASH, JsonErrorHandler.message(400, "Ambiguous URI path separator", null));
        assertEquals(JsonErrorHandler.ENCODED_PERCENT, JsonErrorHandler.message(400, "Ambiguous URI path encoding", null));
    }

    @Test
    void otherRefusalsCarryJettysReason() {
        assertEquals("La solicitud no se pudo atender (HTTP 400: Bad Request).", JsonErrorHandler.message(400, "Bad Request", null));
    }
}
