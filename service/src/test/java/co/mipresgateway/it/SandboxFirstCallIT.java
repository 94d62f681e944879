package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A fresh sandbox's first write, sent the moment the server answers, comes after the demo chains: it gets the
 * IDs the README's walk shows, rather than one taken in the middle of the demo chains (whose IDs then collide
 * with the walk's).
 */
class SandboxFirstCallIT {

    @Test
    void theFirstDireccionamientoRightAfterStartFollowsTheDemoChains() throws Exception {
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            String eps = gateway.token(RunningGateway.EPS, RunningGateway.EPS_TOKEN);
            var answer = gateway.put("Direccionamiento/" + RunningGateway.EPS + "/" + eps, Bodies.direccionamiento(
                    Bodies.newPrescripcion(), RunningGateway.PROV1, Bodies.today(gateway.clock).plusDays(10)));
            assertEquals(200, answer.status(), answer.text());
            assertEquals(1_000_013L, answer.json().get(0).get("Id").asLong(), answer.text());
            assertEquals(2_000_013L, answer.json().get(0).get("IdDireccionamiento").asLong(), answer.text());
        }
    }
}
