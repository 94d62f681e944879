package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RacesOnH2IT extends RaceContract {
    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }

    /** H2 gives up waiting for a row lock after its LOCK_TIMEOUT (PostgreSQL, as configured here, waits). */
    @Test
    void aDeliveryThatWaitsTooLongForItsProgramacionIsToldToSendItAgainAndNothingIsWritten() throws Exception {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idProgramacion = programmed(id);
        Answer busy = whileAnotherTransactionHoldsUntilAnswered(
                "UPDATE programacion SET est_programacion = 1 WHERE id_programacion = " + idProgramacion,
                () -> gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())));
        assertEquals(503, busy.status(), busy.text());
        assertEquals("1", busy.header("Retry-After"));
        assertEquals("La base de datos está ocupada y no se guardó nada de esta solicitud: envíela de nuevo en un momento."
                + " (solicitud " + busy.header("X-Request-Id") + ")", busy.json().get("Message").asText());
        assertTrue(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc).json().isEmpty(), "nothing was written");
        delivered(id);   // sent again, it goes through
    }
}
