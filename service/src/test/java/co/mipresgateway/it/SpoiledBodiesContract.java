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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Valid chains (and a NODireccionamiento and an EntregaAmbito beside each) whose bodies have one to three fields spoiled
 * at random, as a faulty ERP export spoils them, sent over REST or SOAP: every answer is the ministry's shape and status
 * (over SOAP, a soap:Client fault), and a refused step leaves no record behind. The seed is fixed, so a failure
 * repeats; the classes of bad input one by one are BadInputContract's.
 */
abstract class SpoiledBodiesContract extends GatewayContract {

    private static final long SEED = 20261208L;
    private static final int CHAINS = 200;
    /** The fields the checks find a step's records by: left as sent, so that a record cannot go elsewhere unseen. */
    private static final Set<String> KEPT = Set.of("NoPrescripcion", "ID");
    private static final Set<Integer> MINISTRY_STATUSES = Set.of(200, 400, 404, 422);

    private Random random;
    private List<Object> oddValues;
    private static final Pattern SOAP_ID = Pattern.compile("<(?:\\w+:)?Id>(\\d+)</");

    private final Map<String, Integer> statuses = new TreeMap<>();

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
            Sent directed = send(direccionamiento, noPrescripcion,
                    Bodies.direccionamiento(noPrescripcion, PROV1, today().plusDays(10)));
            if (!directed.recorded()) continue;
            long id = directed.id();
            if (!send(programacion, noPrescripcion, Bodies.programacion(id, PROV1, today().plusDays(5))).recorded()) continue;
            if (!send(entrega, noPrescripcion, Bodies.entrega(id, today())).recorded()) continue;
            if (send(reporte, noPrescripcion, Bodies.reporteEntrega(id, "12500.50")).recorded()) completed++;
        }
        // Every outcome was reached often enough, over both faces, for the checks above to mean something.
        assertTrue(statuses.getOrDefault("REST 200", 0) >= 40 && statuses.getOrDefault("REST 422", 0) >= 40
                && statuses.getOrDefault("REST 400", 0) >= 20 && statuses.getOrDefault("SOAP 200", 0) >= 20
                && statuses.getOrDefault("SOAP 500", 0) >= 20, "answers by face and status: " + statuses);
        assertTrue(completed >= 3, completed + " chains reached their ReporteEntrega; answers by face and status: " + statuses);
    }

    /** A step's outcome: whether it was recorded, and then the chain's Id. */
    private record Sent(boolean recorded, long id) {
    }

    /**
     * Sends the body, spoiled one time in two, over REST two times in three and over SOAP otherwise; checks the answer's
     * shape and that the step's records grew by one when it was recorded and by none otherwise.
     */
    private Sent send(Step step, String noPrescripcion, Map<String, Object> valid) {
        Map<String, Object> body = random.nextBoolean() ? spoiled(valid) : valid;
        boolean overSoap = random.nextInt(3) == 0;
        int before = records(step, noPrescripcion);
        Answer answer = overSoap
                ? SoapCalls.post(gateway, SoapCalls.envelope(step.nit(), step.token(), xml(step.transaction(), body)))
                : gateway.put(step.transaction() + "/" + step.nit() + "/" + step.token(), body);
        statuses.merge((overSoap ? "SOAP " : "REST ") + answer.status(), 1, Integer::sum);
        String seen = step.transaction() + (overSoap ? " over SOAP " : " ") + body + " -> " + answer.status() + " " + answer.text();
        assertFalse(answer.text().contains("Exception") || answer.text().contains("\tat ")
                || answer.text().contains("co.mipresgateway"), seen);
        Sent sent = overSoap ? soapOutcome(answer, seen) : restOutcome(answer, seen);
        assertEquals(before + (sent.recorded() ? 1 : 0), records(step, noPrescripcion), "records after " + seen);
        return sent;
    }

    private static Sent restOutcome(Answer answer, String seen) {
        assertTrue(MINISTRY_STATUSES.contains(answer.status()), seen);
        assertNotNull(answer.json(), seen);
        if (answer.status() == 200) return new Sent(true, answer.json().get(0).get("Id").asLong());
        assertTrue(answer.json().isObject() && !answer.json().path("Message").asText().isBlank(), seen);
        return new Sent(false, 0);
    }

    /** A SOAP 1.1 answer: the transaction's answer element, or a fault blaming the message (a soap:Client), never ours. */
    private static Sent soapOutcome(Answer answer, String seen) {
        if (answer.status() == 200) {
            Matcher id = SOAP_ID.matcher(answer.text());
            assertTrue(id.find(), seen);
            return new Sent(true, Long.parseLong(id.group(1)));
        }
        assertEquals(500, answer.status(), seen);
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode>"), seen);
        return new Sent(false, 0);
    }

    /** The body as the SOAP face's element: odd values as they come, lists and objects as nested elements. */
    private static String xml(String transaction, Map<String, Object> body) {
        StringBuilder xml = new StringBuilder();
        element(xml, transaction, body);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) return;
        xml.append("<s:").append(name).append('>');
        if (value instanceof Map<?, ?> fields) {
            fields.forEach((field, inner) -> element(xml, String.valueOf(field), inner));
        } else if (value instanceof List<?> items) {
            items.forEach(item -> element(xml, "item", item));
        } else {
            xml.append(String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
        xml.append("</s:").append(name).append('>');
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
