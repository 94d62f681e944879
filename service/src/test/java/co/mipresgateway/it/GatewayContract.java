package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.EPS_TOKEN;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static co.mipresgateway.it.RunningGateway.PROV1_TOKEN;
import static co.mipresgateway.it.RunningGateway.PROV2;
import static co.mipresgateway.it.RunningGateway.PROV2_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the integration tests: one real gateway per test class, on the database the subclass names,
 * with session tokens for the three demo parties and helpers that walk the chain step by step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayContract {

    protected RunningGateway gateway;
    protected String eps;
    protected String prov1;
    protected String prov2;

    /** The database settings: {@link TestDatabases#h2()} or {@link TestDatabases#postgres()}. */
    protected abstract Map<String, String> database();

    @BeforeAll
    void startGateway() throws Exception {
        gateway = new RunningGateway(database());
        refreshTokens();
    }

    protected void refreshTokens() {
        eps = gateway.token(EPS, EPS_TOKEN);
        prov1 = gateway.token(PROV1, PROV1_TOKEN);
        prov2 = gateway.token(PROV2, PROV2_TOKEN);
    }

    @AfterAll
    void stopGateway() {
        if (gateway != null) gateway.close();
    }

    protected LocalDate today() {
        return Bodies.today(gateway.clock);
    }

    protected Answer ok(Answer answer) {
        assertEquals(200, answer.status(), answer.text());
        return answer;
    }

    /** A 422 with the text in one of its Errors lines. */
    protected static void assertErrorContains(Answer answer, String text) {
        assertEquals(422, answer.status(), answer.text());
        List<String> errors = new ArrayList<>();
        answer.json().get("Errors").forEach(e -> errors.add(e.asText()));
        assertTrue(errors.stream().anyMatch(e -> e.contains(text)), "expected «" + text + "» in " + errors);
    }

    /** EPS directs a new prescription to provider 1; returns the chain ID. */
    protected long directed(String noPrescripcion) {
        Answer a = ok(gateway.put("Direccionamiento/" + EPS + "/" + eps,
                Bodies.direccionamiento(noPrescripcion, PROV1, today().plusDays(10))));
        return a.json().get(0).get("Id").asLong();
    }

    protected long programmed(long id) {
        return ok(gateway.put("Programacion/" + PROV1 + "/" + prov1, Bodies.programacion(id, PROV1, today().plusDays(5))))
                .json().get(0).get("IdProgramacion").asLong();
    }

    protected long delivered(long id) {
        return ok(gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today()))).json().get(0)
                .get("IdEntrega").asLong();
    }

    protected long reported(long id) {
        return ok(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(id, "15000.50"))).json()
                .get(0).get("IdReporteEntrega").asLong();
    }
}
