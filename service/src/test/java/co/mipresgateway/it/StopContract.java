package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stop (SIGTERM: a restart, a deploy) lets the requests in flight finish and get their answers before the
 * connections close. Before, a PUT committed in the last moment lost its answer: its client saw the connection
 * drop and could not tell whether the delivery was recorded (16 of 16 such PUTs were, in a run by hand).
 */
abstract class StopContract extends GatewayContract {

    @Test
    void aDeliveryInFlightWhenTheGatewayStopsIsAnsweredBeforeTheConnectionCloses() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        long idProgramacion = programmed(id);
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Answer answer = HeldRows.holding(gateway,
                "UPDATE programacion SET est_programacion = 1 WHERE id_programacion = " + idProgramacion,
                () -> gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())),
                true,
                () -> {
                    // the delivery waits for its programación: the stop begins now, then the row is let go
                    CompletableFuture.runAsync(gateway.server()::close).whenComplete((done, failure) -> stopped.complete(null));
                    awaitStopping();
                });
        assertEquals(200, answer.status(), answer.text());
        assertTrue(answer.json().get(0).get("IdEntrega").asLong() > 0, answer.text());
        stopped.get(30, TimeUnit.SECONDS);
    }

    private void awaitStopping() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!gateway.server().stopping()) {
            if (System.nanoTime() > deadline) throw new AssertionError("the gateway did not begin to stop");
            Thread.onSpinWait();
        }
    }
}
