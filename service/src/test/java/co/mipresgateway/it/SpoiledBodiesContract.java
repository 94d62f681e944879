package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Valid chains (and a NODireccionamiento and an EntregaAmbito beside each) whose bodies have one to three fields spoiled
 * at random, as a faulty ERP export spoils them: every answer is the ministry's shape and status, and a refused step
 * leaves no record behind. The seed is fixed, so a failure repeats; the classes of bad input one by one are
 * BadInputContract's.
 */
abstract class SpoiledBodiesContract extends GatewayContract {

    private static final long SEED = 20261208L;
    private static final int CHAINS = 200;
    /** The fields the checks find a step's records by: left as sent, so that a record cannot go elsewhere unseen. */
    private static final Set<String> KEPT = Set.of("NoPrescripcion", "ID");
    private static final Set<Integer> MINISTRY_STATUSES = Set.of(200, 400, 404, 422);

    private Random random;
    private List<Object> oddValues;
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    /** One step of the chain: where it is sent, by whom, and where its records are read back. */
    private record Step(String transaction, String nit, String token, String query) {
    }

    @Test
    void spoiledBodiesAreAnsweredInTheMinistrysShapeAndARefusedStepLeavesNoRecord() {
        random = new Random(SEED);
        oddValues = oddValues(today());
        Step direccionamiento = new Step("Direccionamiento", EPS, eps, "DireccionamientoXPrescripcion");
        Step programacion = new Step("Programacion", PROV1, prov1, "ProgramacionXPrescripcion");
        Step entrega = new Step("Entrega", PROV1, prov1, "EntregaXPrescripcion");
        Step reporte = new Step("ReporteEntrega", PROV1, prov1, "ReporteEntregaXPrescripcion");
        Step noDireccionamiento = new Step("NODireccionamiento", EPS, eps, "NODireccionamientoXPrescripcion");
        Step entregaAmbito = new Step("EntregaAmbito", PROV1, prov1, "EntregaXPrescripcion");
        int completed = 0;
        for (int chain = 0; chain < CHAINS; chain++) {
            String notDirected = Bodies.newPrescripcion();
            send(noDireccionamiento, notDirected, Bodies.noDireccionamiento(notDirected));
            String inHospital = Bodies.newPrescripcion();
            send(entregaAmbito, inHospital, Bodies.entregaAmbito(inHospital, today()));
            String noPrescripcion = Bodies.newPrescripcion();
            Answer directed = send(direccionamiento, noPrescripcion,
                    Bodies.direccionamiento(noPrescripcion, PROV1, today().plusDays(10)));
            if (directed.status() != 200) continue;
            long id = directed.json().get(0).get("Id").asLong();
            if (send(programacion, noPrescripcion, Bodies.programacion(id, PROV1, today().plusDays(5))).status() != 200) continue;
            if (send(entrega, noPrescripcion, Bodies.entrega(id, today())).status() != 200) continue;
            if (send(reporte, noPrescripcion, Bodies.reporteEntrega(id, "12500.50")).status() == 200) completed++;
        }
        // Both outcomes were reached often enough for the checks above to mean something.
        assertTrue(statuses.getOrDefault(200, 0) >= 40 && statuses.getOrDefault(422, 0) >= 40
                && statuses.getOrDefault(400, 0) >= 20, "answers by status: " + statuses);
        assertTrue(completed >= 3, completed + " chains reached their ReporteEntrega; answers by status: " + statuses);
    }

    /** Sends the body, spoiled one time in two; checks the answer's shape and that the records grew by one only on a 200. */
    private Answer send(Step step, String noPrescripcion, Map<String, Object> valid) {
        Map<String, Object> body = random.nextBoolean() ? spoiled(valid) : valid;
        int before = records(step, noPrescripcion);
        Answer answer = gateway.put(step.transaction() + "/" + step.nit() + "/" + step.token(), body);
        statuses.merge(answer.status(), 1, Integer::sum);
        String seen = step.transaction() + " " + body + " -> " + answer.status() + " " + answer.text();
        assertTrue(MINISTRY_STATUSES.contains(answer.status()), seen);
        assertNotNull(answer.json(), seen);
        assertFalse(answer.text().contains("Exception") || answer.text().contains("\tat ")
                || answer.text().contains("co.mipresgateway"), seen);
        if (answer.status() != 200) {
            assertTrue(answer.json().isObject() && !answer.json().path("Message").asText().isBlank(), seen);
        }
        assertEquals(before + (answer.status() == 200 ? 1 : 0), records(step, noPrescripcion), "records after " + seen);
        return answer;
    }

    private int records(Step step, String noPrescripcion) {
        return ok(gateway.get(step.query() + "/" + step.nit() + "/" + step.token() + "/" + noPrescripcion)).json().size();
    }

    /** The body with one to three spoils: a field's value made odd, a field left out, an extra field, a number as text. */
    private Map<String, Object> spoiled(Map<String, Object> valid) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        List<String> spoilable = new ArrayList<>(valid.keySet());
        spoilable.removeAll(KEPT);
        // Mostly one spoil: a lone odd value, with nothing else to refuse, is the one that reaches the rules and the database.
        int draw = random.nextInt(20);
        for (int spoils = draw < 12 ? 1 : draw < 17 ? 2 : 3; spoils > 0; spoils--) {
            String field = spoilable.get(random.nextInt(spoilable.size()));
            int kind = random.nextInt(20);
            if (kind < 12) {
                body.put(field, oddValues.get(random.nextInt(oddValues.size())));
            } else if (kind < 15) {
                body.remove(field);
            } else if (kind < 17) {
                body.put(random.nextBoolean() ? "Observaciones" : field.toLowerCase(), oddValues.get(random.nextInt(oddValues.size())));
            } else {
                body.put(field, String.valueOf(body.get(field)));
            }
        }
        return body;
    }

    /** What a faulty export puts where a value goes. */
    private static List<Object> oddValues(LocalDate today) {
        return Arrays.asList(null, true, false, 0, -1, 1.5, 1e308, -1e308, new BigInteger("1" + "0".repeat(30)),
                (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE),
                "", " ", "x".repeat(300), "\u0000", "\t\n", "ñáé", "١٢٣", "\uD835\uDFD8\uD835\uDFD9", "<x/>",
                "' OR 1=1 --", "%00", "0", "-5", "1e5", "NaN", "Infinity", "12500,50", "00000000000000000000",
                "2026-02-30", "2026-13-01", "99999-01-01", "1900-01-01", "07/12/2026", today.toString(),
                today.plusDays(1).toString(), today.plusDays(400).toString(), List.of(), List.of(1), Map.of(),
                Map.of("a", 1));
    }
}
