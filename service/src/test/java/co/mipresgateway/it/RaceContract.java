package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A request that reads a step as active and then loses it to another transaction before it changes it. The other
 * transaction is played here by a connection of the test that changes the row and holds it, uncommitted, until the
 * request waits for its lock; then it commits. The request must then say what happened: "ya existe" only when the
 * next step really exists (clients take it for "already done" and stop retrying), "ya fue anulado" only when the
 * record really was annulled.
 */
abstract class RaceContract extends GatewayContract {

    @Test
    void aReportThatLosesItsDeliveryToAnAnnulmentIsNotToldYaExiste() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        programmed(id);
        long idEntrega = delivered(id);
        Answer report = whileAnotherTransactionHolds(
                annulling(idEntrega),
                () -> gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(id, 100)));
        assertFalse(report.text().contains("ya existe"), report.text());
        assertErrorContains(report, "no existe una entrega activa para el ID " + id);
    }

    @Test
    void aDeliveryThatLosesItsProgramacionToAnAnnulmentIsNotToldYaExiste() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        long idProgramacion = programmed(id);
        Answer delivery = whileAnotherTransactionHolds(
                "UPDATE programacion SET est_programacion = 0, activo_id = NULL WHERE id_programacion = " + idProgramacion,
                () -> gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())));
        assertFalse(delivery.text().contains("ya existe"), delivery.text());
        assertErrorContains(delivery, "no existe una programación activa para el ID " + id);
    }

    @Test
    void codesForADeliveryAnnulledMeanwhileAreRefusedAndNotStored() throws Exception {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        programmed(id);
        long idEntrega = delivered(id);
        Answer codes = whileAnotherTransactionHolds(
                annulling(idEntrega),
                () -> gateway.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(id, today())));
        assertErrorContains(codes, "no existe una entrega activa para el ID " + id);
        assertTrue(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc).json().get(0)
                .get("CodigosEntrega").isNull(), "no code was stored for the annulled delivery");
    }

    @Test
    void codesSentTogetherForOneDeliveryAreAllStoredEachWithItsOwnNumber() throws Exception {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        programmed(id);
        delivered(id);
        List<CompletableFuture<Answer>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(CompletableFuture.supplyAsync(
                    () -> gateway.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(id, today()))));
        }
        for (CompletableFuture<Answer> answer : sent) assertEquals(200, answer.get(30, TimeUnit.SECONDS).status(), answer.join().text());
        JsonNode codigos = gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc).json().get(0).get("CodigosEntrega");
        assertEquals(8, codigos.size(), codigos.toString());
    }

    @Test
    void anEntregaAmbitoThatLosesToAnotherSaysYaExisteNamingItsOwnField() throws Exception {
        String presc = Bodies.newPrescripcion();
        // Another delivery of the same prescription, technology and number takes the key first.
        Answer second = whileAnotherTransactionHolds(
                "INSERT INTO entrega_ambito_activa (clave, id_entrega) VALUES ('" + presc + "|M|1|1', -1)",
                () -> gateway.put("EntregaAmbito/" + PROV1 + "/" + prov1, Bodies.entregaAmbito(presc, today())));
        String yaExiste = "Para la prescripción " + presc + ", tecnología M1, entrega 1 ya existe una entrega activa.";
        assertEquals(yaExiste, second.json().get("Message").asText(), second.text());
        assertErrorContains(second, "NoPrescripcion: " + yaExiste);
    }

    @Test
    void aDeliveryThatLosesToAnotherDeliveryIsToldYaExiste() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        long idProgramacion = programmed(id);
        Answer delivery = whileAnotherTransactionHolds(
                "UPDATE programacion SET est_programacion = 2 WHERE id_programacion = " + idProgramacion,
                () -> gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())));
        assertEquals(422, delivery.status(), delivery.text());
        assertEquals("Para el ID " + id + " ya existe una entrega activa.", delivery.json().get("Message").asText());
    }

    @Test
    void anAnnulmentThatLosesToTheNextStepSaysTheNextStepHoldsIt() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        programmed(id);
        long idEntrega = delivered(id);
        Answer annulment = whileAnotherTransactionHolds(
                "UPDATE entrega SET est_entrega = 2 WHERE id_entrega = " + idEntrega,
                () -> gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + idEntrega, ""));
        assertFalse(annulment.text().contains("ya fue anulada"), annulment.text());
        assertErrorContains(annulment, "La entrega " + idEntrega + " no se puede anular: tiene un reporte de entrega activo");
    }

    @Test
    void anAnnulmentOfADireccionamientoThatLosesToAProgramacionSaysSo() throws Exception {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idDireccionamiento = gateway.get("DireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc).json()
                .get(0).get("IDDireccionamiento").asLong();
        Answer annulment = whileAnotherTransactionHolds(
                "UPDATE direccionamiento SET est_direccionamiento = 2 WHERE id = " + id,
                () -> gateway.put("AnularDireccionamiento/" + EPS + "/" + eps + "/" + idDireccionamiento, ""));
        assertFalse(annulment.text().contains("ya fue anulado"), annulment.text());
        assertErrorContains(annulment, "no se puede anular: tiene una programación activa");
    }

    /** Both databases give up waiting for a row after 2 s (H2's LOCK_TIMEOUT, PostgreSQL's lock_timeout). */
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

    /** What AnularEntrega changes in the delivery's row. */
    private static String annulling(long idEntrega) {
        return "UPDATE entrega SET est_entrega = 0, activo_id = NULL WHERE id_entrega = " + idEntrega;
    }

    /**
     * Runs the statement in a transaction of its own, sends the request, waits until the request waits for the
     * row the statement changed, commits, and returns the request's answer.
     */
    private Answer whileAnotherTransactionHolds(String statement, Supplier<Answer> request) throws Exception {
        return holding(statement, request, true);
    }

    /**
     * Runs the statement in a transaction of its own and holds its row until the request, which waits for it, is
     * answered; then rolls back.
     */
    private Answer whileAnotherTransactionHoldsUntilAnswered(String statement, Supplier<Answer> request) throws Exception {
        return holding(statement, request, false);
    }

    private Answer holding(String statement, Supplier<Answer> request, boolean commitOnceTheRequestWaits) throws Exception {
        return HeldRows.holding(gateway, statement, request, commitOnceTheRequestWaits, () -> { });
    }
}
