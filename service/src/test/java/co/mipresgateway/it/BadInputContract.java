package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.rest.WebApplicationErrorMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Every class of bad input gets the ministry's error shape and status, never a stack trace. */
abstract class BadInputContract extends GatewayContract {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final List<Answer> errors = new ArrayList<>();

    private Answer remember(Answer answer) {
        errors.add(answer);
        return answer;
    }

    @Test
    void malformedJsonAnswers400InTheModelStateShape() {
        Answer answer = remember(gateway.put("Programacion/" + PROV1 + "/" + prov1, "{\"ID\": 1,"));
        assertEquals(400, answer.status(), answer.text());
        assertNotNull(answer.json().get("Message"));
        assertTrue(answer.json().get("ModelState").isObject(), answer.text());
    }

    /** An ERP that joins strings into JSON leaves an address's quotes unescaped: the answer says which field. */
    @Test
    void jsonBrokenByAnUnescapedQuoteNamesTheFieldAndWhatToDo() {
        Answer answer = remember(gateway.put("Direccionamiento/" + EPS + "/" + eps,
                "{\"NoPrescripcion\":\"20250602100000000001\",\"DirPaciente\":\"Calle 5 \"B\" # 3-20\",\"NoEntrega\":1}"));
        assertEquals(400, answer.status(), answer.text());
        assertEquals("El cuerpo no es un JSON válido: falta una coma después del campo DirPaciente, o el texto del campo"
                + " DirPaciente lleva comillas dobles sin escapar (escríbalas \\\"); error en la línea 1, columna 66.",
                answer.json().get("ModelState").get("body").get(0).asText(), answer.text());
    }

    /** Two lines of a JSON Lines file sent as one body: neither is recorded, and the answer says why. */
    @Test
    void twoTransactionsInOneBodyAreRefusedSayingOnePerRequest() {
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1,
                "{\"ID\": 1, \"EstadoEntrega\": 1}\n{\"ID\": 2, \"EstadoEntrega\": 1}"));
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.json().get("ModelState").get("body").get(0).asText().startsWith("Después del objeto JSON de la"
                + " transacción el cuerpo sigue con más JSON: envíe una transacción por solicitud; error en la línea 2"), answer.text());
    }

    /** The answers are lists, so an ERP may send its transaction in one: the answer says to send the object. */
    @Test
    void aListIsToldToComeAsTheObjectAlone() {
        for (String list : List.of("[]", "[{\"ID\": 1, \"EstadoEntrega\": 1}]")) {
            Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, list));
            assertEquals(400, answer.status(), answer.text());
            assertEquals("El cuerpo es una lista ([...]): cada solicitud lleva una transacción. Envíe el objeto ({...}) sin"
                    + " los corchetes.", answer.json().get("ModelState").get("body").get(0).asText(), list + " -> " + answer.text());
        }
    }

    /** An ERP that serializes a string already holding the JSON sends a JSON text: the answer names the slip. */
    @Test
    void aTransactionSerializedTwiceIsToldSo() throws Exception {
        String json = JSON.writeValueAsString(Bodies.reporteEntrega(1, 10));
        String twice = JSON.writeValueAsString(json);
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, twice));
        assertEquals(400, answer.status(), answer.text());
        assertEquals("El cuerpo es un texto JSON que contiene el objeto de la transacción: se serializó dos veces. Envíe el"
                + " objeto mismo ({\"ID\": ...}), sin comillas alrededor ni \\\" dentro.",
                answer.json().get("ModelState").get("body").get(0).asText(), answer.text());
    }

    @Test
    void validJsonThatIsNotAnObjectAnswers400SayingAnObjectIsExpected() {
        for (String notAnObject : List.of("42", "\"ID\"", "true")) {
            Answer answer = remember(gateway.put("Programacion/" + PROV1 + "/" + prov1, notAnObject));
            assertEquals(400, answer.status(), notAnObject + " -> " + answer.text());
            assertEquals("El cuerpo debe ser un objeto JSON ({...}) con los campos de la transacción.",
                    answer.json().get("ModelState").get("body").get(0).asText(), notAnObject + " -> " + answer.text());
        }
    }

    @Test
    void aTextWhereANumberGoesAnswers400NamingTheField() {
        Map<String, Object> body = Bodies.programacion(1, PROV1, today());
        body.put("ID", "uno");
        Answer answer = remember(gateway.put("Programacion/" + PROV1 + "/" + prov1, body));
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.json().get("ModelState").has("programacion.ID"), answer.text());
        Map<String, Object> fraction = Bodies.reporteEntrega(1, 10);
        fraction.put("EstadoEntrega", 1.5);
        Answer halves = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, fraction));
        assertEquals(400, halves.status(), halves.text());
        assertTrue(halves.json().get("ModelState").has("reporteEntrega.EstadoEntrega"), halves.text());
    }

    /**
     * An ERP whose mapping sends several fields with the wrong type learns of all of them in one answer, as the
     * ministry's framework lists every field it could not bind, not one per try.
     */
    @Test
    void everyFieldThatCannotBeBoundIsListedAtOnce() {
        Map<String, Object> body = Bodies.reporteEntrega(1, 10);
        body.put("ID", "uno");
        body.put("EstadoEntrega", 1.5);
        body.put("CausaNoEntrega", new java.math.BigInteger("99999999999"));
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, body));
        assertEquals(400, answer.status(), answer.text());
        var modelState = answer.json().get("ModelState");
        assertEquals(3, modelState.size(), answer.text());
        assertEquals("El valor 'uno' no es válido para un campo de tipo número entero.",
                modelState.get("reporteEntrega.ID").get(0).asText(), answer.text());
        assertEquals("El valor '1.5' no es válido para un campo de tipo número entero.",
                modelState.get("reporteEntrega.EstadoEntrega").get(0).asText(), answer.text());
        assertEquals("El número 99999999999 está fuera del rango de este campo.",
                modelState.get("reporteEntrega.CausaNoEntrega").get(0).asText(), answer.text());
    }

    /** Each letter case of a field's name is a field: a body of thousands of them is answered for its first hundred. */
    @Test
    void aBodyOfThousandsOfWrongFieldsIsAnsweredForItsFirstHundred() {
        StringBuilder body = new StringBuilder("{");
        for (int variant = 0; variant < 4096; variant++) {
            StringBuilder name = new StringBuilder();
            String field = "EstadoEntrega";
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                name.append(i < 12 && (variant >> i & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            body.append(variant == 0 ? "" : ",").append('"').append(name).append("\":\"x\"");
        }
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, body.append('}').toString()));
        assertEquals(400, answer.status(), answer.text());
        assertEquals(100, answer.json().get("ModelState").size(), "TransactionBodyReader.FIELDS_EXAMINED");
    }

    /** Colombian ERPs write amounts with a decimal comma and thousands points: the answer says how to write one. */
    @Test
    void anAmountWrittenTheColombianWayIsRefusedSayingHowToWriteIt() {
        for (String valor : List.of("12500,50", "12.500,50", "$ 12500")) {
            Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(1, valor)));
            assertEquals(400, answer.status(), answer.text());
            assertEquals("El valor '" + valor + "' no es válido para un campo de tipo número: escríbalo con punto decimal,"
                    + " sin separador de miles ni signo de pesos, por ejemplo 12500.50.",
                    answer.json().get("ModelState").get("reporteEntrega.ValorEntregado").get(0).asText(), answer.text());
        }
    }

    @Test
    void aNumberBeyondItsFieldsRangeIsNamedAsSuch() {
        Map<String, String> numbers = Map.of("ID", "99999999999999999999", "EstadoEntrega", "-3000000000");
        numbers.forEach((field, number) -> {
            Map<String, Object> body = Bodies.reporteEntrega(1, 10);
            body.put(field, new java.math.BigInteger(number));
            Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, body));
            assertEquals(400, answer.status(), answer.text());
            assertEquals("El número " + number + " está fuera del rango de este campo.",
                    answer.json().get("ModelState").get("reporteEntrega." + field).get(0).asText(), answer.text());
        });
    }

    /** Jackson bound such a number through a double: 1e400 was quoted back as 'Infinity', which the body never said. */
    @Test
    void aNumberBeyondADoubleIsQuotedAsTheNumberSentNotAsInfinity() {
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1,
                "{\"ID\":1e400,\"EstadoEntrega\":1,\"CausaNoEntrega\":0,\"ValorEntregado\":10}"));
        assertEquals(400, answer.status(), answer.text());
        assertEquals("El valor '1e400' no es válido para un campo de tipo número entero.",
                answer.json().get("ModelState").get("reporteEntrega.ID").get(0).asText(), answer.text());
    }

    /**
     * As a 422 quotes a refused value: a long text in a number field was echoed whole (up to Jackson's 1,000 characters
     * for a number; a longer one is refused without being quoted).
     */
    @Test
    void aLongValueThatCannotBeBoundIsQuotedCutAtFortyCharacters() {
        Map<String, Object> body = Bodies.reporteEntrega(1, 10);
        body.put("ID", "7".repeat(30) + "x".repeat(900));
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, body));
        assertEquals(400, answer.status(), answer.text());
        assertEquals("El valor '" + "7".repeat(30) + "x".repeat(10) + "…' no es válido para un campo de tipo número entero.",
                answer.json().get("ModelState").get("reporteEntrega.ID").get(0).asText(), answer.text());
    }

    @Test
    void aBodyInLatin1IsToldToComeInUtf8() {
        Map<String, Object> d = Bodies.direccionamiento(Bodies.newPrescripcion(), PROV1, today().plusDays(10));
        d.put("DirPaciente", "Calle 10 # 20-30 San José");
        byte[] latin1;
        try {
            latin1 = JSON.writeValueAsString(d).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Answer answer = remember(gateway.send(HttpRequest.newBuilder(URI.create(gateway.api() + "Direccionamiento/" + EPS + "/" + eps))
                .header("Content-Type", "application/json; charset=iso-8859-1").PUT(HttpRequest.BodyPublishers.ofByteArray(latin1)).build()));
        assertEquals(400, answer.status(), answer.text());
        assertEquals("El texto no está en UTF-8 (una tilde o una eñe llegó en otra codificación): envíe el cuerpo en UTF-8.",
                answer.json().get("ModelState").get("direccionamiento.DirPaciente").get(0).asText(), answer.text());
    }

    /**
     * Unknown fields are ignored, as the ministry ignores them, so a misspelt one surfaces as a missing field: the
     * line names the near spelling the body brought.
     */
    @Test
    void aMissingFieldNamesTheMisspeltFieldTheBodyBrought() {
        Map<String, Object> p = Bodies.programacion(1, PROV1, today());
        p.put("CantTotalAEntregar", p.remove("CantTotAEntregar"));
        p.put("FecMaxEntrega", p.remove("FecMaxEnt"));
        p.put("CodigoSedeProv", p.remove("CodSedeProv"));
        p.put("Observaciones", "x");
        Answer answer = remember(gateway.put("Programacion/" + PROV1 + "/" + prov1, p));
        assertEquals(422, answer.status(), answer.text());
        String all = answer.json().get("Errors").toString();
        for (String expected : List.of(
                "FecMaxEnt: es obligatorio; el cuerpo trae FecMaxEntrega, que no es un campo de esta transacción: ¿es este?",
                "CodSedeProv: es obligatorio; el cuerpo trae CodigoSedeProv, que no es un campo de esta transacción: ¿es este?",
                "CantTotAEntregar: es obligatorio; el cuerpo trae CantTotalAEntregar, que no es un campo de esta transacción:"
                        + " ¿es este?")) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
        assertFalse(all.contains("Observaciones"), all);
        // A field of the transaction is never offered for another: NoSubEntrega is not a misspelt NoEntrega.
        Map<String, Object> d = Bodies.direccionamiento(Bodies.newPrescripcion(), PROV1, today().plusDays(10));
        d.remove("NoEntrega");
        Answer direccionamiento = remember(gateway.put("Direccionamiento/" + EPS + "/" + eps, d));
        assertEquals("[\"NoEntrega: es obligatorio.\"]", direccionamiento.json().get("Errors").toString(), direccionamiento.text());
    }

    @Test
    void missingFieldsAreAllListedAtOnceEachNamingItsField() {
        Answer answer = remember(gateway.put("Direccionamiento/" + EPS + "/" + eps, "{}"));
        assertEquals(422, answer.status());
        List<String> lines = new ArrayList<>();
        answer.json().get("Errors").forEach(e -> lines.add(e.asText()));
        List<String> fields = List.of("NoPrescripcion", "TipoTec", "ConTec", "TipoIDPaciente", "NoIDPaciente", "NoEntrega",
                "NoSubEntrega", "TipoIDProv", "NoIDProv", "CodMunEnt", "FecMaxEnt", "CantTotAEntregar", "DirPaciente",
                "CodSerTecAEntregar");
        assertEquals(fields.size(), lines.size(), lines.toString());
        for (int i = 0; i < fields.size(); i++) assertEquals(fields.get(i) + ": es obligatorio.", lines.get(i));
    }

    @Test
    void badValuesAreAllListedInSpanish() {
        Map<String, Object> d = Bodies.direccionamiento("123", "900000009", today().minusDays(1));
        d.put("TipoTec", "X");
        d.put("CodMunEnt", "1100");
        d.put("TipoIDPaciente", "ZZ");
        d.put("CantTotAEntregar", "-3");
        Answer answer = remember(gateway.put("Direccionamiento/" + EPS + "/" + eps, d));
        assertEquals(422, answer.status());
        String all = answer.json().get("Errors").toString();
        for (String expected : List.of("NoPrescripcion: debe tener 20 dígitos (se recibió '123').", "TipoTec: el valor 'X' no es válido",
                "CodMunEnt: debe ser el código DANE", "TipoIDPaciente: el valor 'ZZ' no es válido",
                "FecMaxEnt: no puede ser anterior a la fecha actual", "CantTotAEntregar: debe ser un número")) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
    }

    @Test
    void aControlCharacterInATextIsRefusedNamingTheFieldOnBothDatabasesAlike() {
        // An ERP's fixed-width C strings pad with NUL, which PostgreSQL cannot keep in a text (and H2 can): refused on
        // both, so that the sandbox does not take what production would not.
        Map<String, Object> d = Bodies.direccionamiento(Bodies.newPrescripcion(), PROV1, today().plusDays(10));
        d.put("DirPaciente", "Calle 10 # 20-30\u0000\u0000");
        d.put("CodSerTecAEntregar", "19943544-1\u001B");
        Answer answer = remember(gateway.put("Direccionamiento/" + EPS + "/" + eps, d));
        assertEquals(422, answer.status(), answer.text());
        assertErrorContains(answer, "DirPaciente: contiene un carácter de control (U+0000)");
        assertErrorContains(answer, "CodSerTecAEntregar: contiene un carácter de control (U+001B)");
    }

    /**
     * Every text of every transaction, too long for what keeps it, is refused naming its field, on a chain where the
     * body is otherwise accepted, and the chain is left as it was: a delivery of nothing, which asks for no receiver
     * or code, once answered 500 for a code longer than its column.
     */
    @Test
    void aTextTooLongForItsColumnIsRefusedNamingItsFieldInEveryTransaction() {
        String tooLong = "X".repeat(301); // the longest column, DirPaciente's, keeps 300
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("Direccionamiento/" + EPS + "/" + eps,
                Bodies.direccionamiento(Bodies.newPrescripcion(), PROV1, today().plusDays(10)));
        Map<String, Object> noDireccionamiento = Bodies.noDireccionamiento(Bodies.newPrescripcion());
        noDireccionamiento.put("NoPrescripcionAsociada", Bodies.newPrescripcion());
        bodies.put("NODireccionamiento/" + EPS + "/" + eps, noDireccionamiento);
        bodies.put("Programacion/" + PROV1 + "/" + prov1,
                Bodies.programacion(directed(Bodies.newPrescripcion()), PROV1, today().plusDays(5)));
        bodies.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(scheduled(), today()));
        bodies.put("Entrega/" + PROV1 + "/" + prov1 + " (nothing delivered)", nothingDelivered(Bodies.entrega(scheduled(), today())));
        bodies.put("EntregaAmbito/" + PROV1 + "/" + prov1, Bodies.entregaAmbito(Bodies.newPrescripcion(), today()));
        bodies.put("EntregaAmbito/" + PROV1 + "/" + prov1 + " (nothing delivered)",
                nothingDelivered(Bodies.entregaAmbito(Bodies.newPrescripcion(), today())));
        bodies.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(deliveredChain(), today()));
        bodies.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(deliveredChain(), "15000.50"));
        List<String> wrong = new ArrayList<>();
        bodies.forEach((transaction, body) -> body.forEach((field, value) -> {
            if (!(value instanceof String)) return;
            Map<String, Object> withTooLong = new LinkedHashMap<>(body);
            withTooLong.put(field, tooLong);
            Answer answer = remember(gateway.put(transaction.split(" ")[0], withTooLong));
            boolean named = (answer.status() == 422 || answer.status() == 400) && answer.text().contains(field);
            if (!named) wrong.add(transaction + " " + field + " -> " + answer.status() + " " + answer.text());
        }));
        assertEquals(List.of(), wrong);
        bodies.forEach((transaction, body) -> ok(gateway.put(transaction.split(" ")[0], body)));
    }

    private long scheduled() {
        long id = directed(Bodies.newPrescripcion());
        programmed(id);
        return id;
    }

    private long deliveredChain() {
        long id = scheduled();
        delivered(id);
        return id;
    }

    private static Map<String, Object> nothingDelivered(Map<String, Object> delivery) {
        delivery.put("CantTotEntregada", "0");
        delivery.put("EntTotal", 0);
        delivery.put("CausaNoEntrega", 7);
        return delivery;
    }

    @Test
    void aProviderThatIsNotRegisteredCannotBeDirectedTo() {
        Answer answer = remember(gateway.put("Direccionamiento/" + EPS + "/" + eps,
                Bodies.direccionamiento(Bodies.newPrescripcion(), "900000009", today().plusDays(1))));
        assertEquals(422, answer.status());
        assertTrue(answer.json().get("Errors").toString().contains("NoIDProv: el NIT 900000009 no corresponde"));
    }

    @Test
    void valorEntregadoIsAcceptedAsNumberOrTextWithAtMostTwoDecimals() {
        Map<String, Object> r = Bodies.reporteEntrega(1, "10.125");
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, r));
        assertTrue(answer.json().get("Errors").toString().contains("ValorEntregado: admite a lo sumo 2 decimales."));
        r.put("ValorEntregado", 10.125);
        assertTrue(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, r).json().get("Errors").toString()
                .contains("ValorEntregado: admite a lo sumo 2 decimales."));
    }

    @Test
    void unknownFieldsAreIgnoredAsTheMinistryDoes() {
        long id = directed(Bodies.newPrescripcion());
        Map<String, Object> body = Bodies.programacion(id, PROV1, today().plusDays(1));
        body.put("CampoQueNoExiste", "x");
        body.put("Otro", Map.of("a", 1));
        ok(gateway.put("Programacion/" + PROV1 + "/" + prov1, body));
    }

    @Test
    void fieldNamesAreMatchedWithoutRegardToCase() {
        long id = directed(Bodies.newPrescripcion());
        String body = "{\"id\":" + id + ",\"fecmaxent\":\"" + today().plusDays(1) + "\",\"TIPOIDSEDEPROV\":\"NI\","
                + "\"noIdSedeProv\":\"900000001\",\"codsedeprov\":\"PROV1\",\"codSerTecAEntregar\":\"X1\","
                + "\"cantTotAEntregar\":\"1\"}";
        ok(gateway.put("Programacion/" + PROV1 + "/" + prov1, body));
    }

    @Test
    void anEmptyBodyIsRefusedWith422() {
        Answer answer = remember(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, ""));
        assertEquals(422, answer.status(), answer.text());
        assertTrue(answer.json().get("Errors").get(0).asText().contains("no tiene cuerpo"));
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String big = "{\"ID\":1,\"NoLote\":\"" + "x".repeat(1_100_000) + "\"}";
        Answer sized = remember(gateway.put("Entrega/" + PROV1 + "/" + prov1, big));
        assertEquals(413, sized.status(), sized.text().substring(0, Math.min(200, sized.text().length())));
        assertNotNull(sized.json(), sized.text());
        assertNotNull(sized.json().get("Message"));
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(gateway.api() + "Entrega/" + PROV1 + "/" + prov1))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build();
        Answer streamed = remember(gateway.send(chunked));
        assertEquals(413, streamed.status(), streamed.text());
        assertNotNull(streamed.json().get("Message"));
    }

    @Test
    void aBodySentAsTextJsonIsReadAsTheMinistrysServiceReadsIt() {
        HttpRequest put = HttpRequest.newBuilder(URI.create(gateway.api() + "Programacion/" + PROV1 + "/" + prov1))
                .header("Content-Type", "text/json; charset=utf-8").PUT(HttpRequest.BodyPublishers.ofString("{\"ID\": 1}")).build();
        Answer answer = gateway.send(put);
        assertEquals(422, answer.status(), answer.text());
        assertEquals("FecMaxEnt: es obligatorio.", answer.json().get("Errors").get(0).asText(), answer.text());
        HttpRequest form = HttpRequest.newBuilder(URI.create(gateway.api() + "Programacion/" + PROV1 + "/" + prov1))
                .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString("{}")).build();
        Answer refused = remember(gateway.send(form));
        assertEquals(415, refused.status(), refused.text());
        assertNotNull(refused.json().get("Message"), refused.text());
    }

    @Test
    void aGetWithJsonContentTypeAndNoBodyIsAnswered() {
        HttpRequest get = HttpRequest.newBuilder(URI.create(gateway.api() + "EntregaXFecha/" + PROV1 + "/" + prov1 + "/"
                + today())).header("Content-Type", "application/json").GET().build();
        Answer answer = gateway.send(get);
        assertEquals(200, answer.status(), answer.text());
        assertTrue(answer.json().isArray());
    }

    @Test
    void anyAcceptIsAnsweredWithJsonAsTheMinistrysServiceDoes() {
        for (String accept : List.of("text/plain", "application/xml", "text/html", "TEXT/*")) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(gateway.api() + "EntregaXFecha/" + PROV1 + "/" + prov1 + "/"
                    + today())).header("Accept", accept).GET().build();
            Answer answer = gateway.send(get);
            assertEquals(200, answer.status(), accept + " -> " + answer.text());
            assertTrue(answer.json().isArray(), accept + " -> " + answer.text());
            assertEquals("application/json;charset=utf-8", answer.header("Content-Type"), accept);
            HttpRequest put = HttpRequest.newBuilder(URI.create(gateway.api() + "Programacion/" + PROV1 + "/" + prov1))
                    .header("Accept", accept).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"ID\": 1}")).build();
            Answer refused = gateway.send(put);
            assertEquals(422, refused.status(), accept + " -> " + refused.text());
            assertEquals("FecMaxEnt: es obligatorio.", refused.json().get("Errors").get(0).asText(), refused.text());
        }
    }

    /**
     * A 404 of a transaction's name with too few or too many parts quotes its path, and one of a name a typo or two
     * from a transaction's names that one: it was "No existe ese recurso" for all, leaving the integrator to the
     * manual.
     */
    @Test
    void aPathOfNoResourceIsToldTheTransactionsPath() {
        Answer dateLeftOut = remember(gateway.get("EntregaXFecha/" + PROV1 + "/" + prov1));
        assertEquals(404, dateLeftOut.status(), dateLeftOut.text());
        assertEquals("No existe ese recurso: la ruta de EntregaXFecha es"
                + " /WSSUMMIPRESNOPBS/api/EntregaXFecha/{nit}/{token}/{fecha}.", dateLeftOut.json().get("Message").asText());
        Answer lowerCase = gateway.get("anularentrega/" + PROV1 + "/" + prov1);
        assertEquals("No existe ese recurso: la ruta de AnularEntrega es"
                + " /WSSUMMIPRESNOPBS/api/AnularEntrega/{nit}/{token}/{IdEntrega}.", lowerCase.json().get("Message").asText());
        Answer typo = gateway.put("ReporteEntregas/" + PROV1 + "/" + prov1, "{}");
        assertEquals(404, typo.status(), typo.text());
        assertTrue(typo.json().get("Message").asText().endsWith(" ¿Quiso decir ReporteEntrega? Su ruta es"
                + " /WSSUMMIPRESNOPBS/api/ReporteEntrega/{nit}/{token}."), typo.text());
        Answer nothingNear = gateway.get("NoExiste/" + PROV1 + "/" + prov1);
        assertFalse(nothingNear.json().get("Message").asText().contains("Quiso decir"), nothingNear.text());
    }

    /**
     * A date written the Colombian way, 01/06/2025, splits the path into more segments (a 404), or, encoded, is an
     * encoded slash (a 400 that spoke only of NITs and tokens): both now say how a date is written.
     */
    @Test
    void aDateWithSlashesIsToldHowADateIsWritten() {
        Answer split = remember(gateway.get("EntregaXFecha/" + PROV1 + "/" + prov1 + "/01/06/2025"));
        assertEquals(404, split.status(), split.text());
        assertTrue(split.json().get("Message").asText().endsWith(WebApplicationErrorMapper.DATE_WITH_SLASHES), split.text());
        Answer pacienteFecha = remember(gateway.get("EntregaXPacienteFecha/" + PROV1 + "/01/06/2025/" + prov1 + "/CC/123"));
        assertEquals(404, pacienteFecha.status(), pacienteFecha.text());
        assertTrue(pacienteFecha.json().get("Message").asText().endsWith(WebApplicationErrorMapper.DATE_WITH_SLASHES),
                pacienteFecha.text());
        Answer encoded = remember(gateway.get("EntregaXFecha/" + PROV1 + "/" + prov1 + "/01%2F06%2F2025"));
        assertEquals(400, encoded.status(), encoded.text());
        assertTrue(encoded.json().get("Message").asText().contains("yyyy-MM-dd"), encoded.text());
        Answer unknown = gateway.get("NoExiste/" + PROV1 + "/" + prov1 + "/12/34/5678");
        assertEquals(404, unknown.status(), unknown.text());
        assertFalse(unknown.json().get("Message").asText().contains("yyyy-MM-dd"), unknown.text());
    }

    @Test
    void pathMistakesGetTheMinistrysShape() {
        Answer unknown = remember(gateway.get("NoExiste/" + PROV1 + "/" + prov1));
        assertEquals(404, unknown.status());
        assertNotNull(unknown.json().get("Message"));
        Answer badId = remember(gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/abc", ""));
        assertEquals(422, badId.status());
        assertEquals("IdEntrega: debe ser un número entero.", badId.json().get("Errors").get(0).asText());
        Answer badDate = remember(gateway.get("EntregaXFecha/" + PROV1 + "/" + prov1 + "/2024-02-30"));
        assertEquals(422, badDate.status());
        Answer badPrescripcion = remember(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/12"));
        assertEquals(422, badPrescripcion.status());
        Answer wrongMethod = remember(gateway.get("Entrega/" + PROV1 + "/" + prov1));
        assertEquals(405, wrongMethod.status());
        assertEquals("Método HTTP no permitido para este recurso: Entrega se invoca con PUT.",
                wrongMethod.json().get("Message").asText());
        assertEquals("PUT,OPTIONS", wrongMethod.header("Allow"), "a 405 names the methods the path takes (RFC 9110)");
        // Many HTTP libraries send a body with POST unless told otherwise.
        Answer posted = gateway.send(HttpRequest.newBuilder(URI.create(gateway.api() + "ReporteEntrega/" + PROV1 + "/" + prov1))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, posted.status(), posted.text());
        assertEquals("Método HTTP no permitido para este recurso: ReporteEntrega se invoca con PUT.",
                posted.json().get("Message").asText());
        Answer options = gateway.send(HttpRequest.newBuilder(URI.create(gateway.api() + "EntregaXFecha/" + PROV1 + "/"
                + prov1 + "/" + today())).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, options.status());
        assertEquals("GET,OPTIONS", options.header("Allow"), "HEAD is refused on the API");
    }

    @Test
    void answersAreGzippedOnlyForClientsThatAskAndBodiesAreReadAsSent() throws IOException {
        String query = gateway.api() + "DireccionamientoXFecha/" + EPS + "/" + eps + "/" + today();
        Answer plain = ok(gateway.get("DireccionamientoXFecha/" + EPS + "/" + eps + "/" + today()));
        assertTrue(plain.json().size() > 0, plain.text());
        assertEquals(null, plain.header("Content-Encoding"));
        HttpResponse<byte[]> gzipped = gateway.sendForBytes(HttpRequest.newBuilder(URI.create(query))
                .header("Accept-Encoding", "gzip, deflate").GET().build());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertEquals(plain.text(), new String(unzipped.readAllBytes(), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (GZIPOutputStream zipping = new GZIPOutputStream(body)) {
            zipping.write("{\"ID\": 1}".getBytes(StandardCharsets.UTF_8));
        }
        Answer zippedBody = remember(gateway.send(HttpRequest.newBuilder(URI.create(gateway.api() + "Programacion/" + PROV1 + "/" + prov1))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()));
        assertEquals(400, zippedBody.status(), zippedBody.text());
        assertTrue(zippedBody.json().has("ModelState"), zippedBody.text());
    }

    @Test
    void aDoubledSlashInThePathIsNamedInTheAnswer() {
        Answer answer = remember(gateway.getAbsolute("/WSSUMMIPRESNOPBS/api//EntregaXFecha/" + PROV1 + "/" + prov1 + "/" + today()));
        assertEquals(400, answer.status(), answer.text());
        assertEquals("La ruta tiene un segmento vacío ('//'): escríbala con una sola barra entre sus partes.",
                answer.json().get("Message").asText());
        assertTrue(answer.header("X-Request-Id").matches("[0-9a-f]{16}"), answer.header("X-Request-Id"));
    }

    /**
     * A token read from a file keeps its line end, and a client that escapes an escaped token sends "%253D": Jetty
     * refuses both before any filter, and its English reason ("Suspicious Path Character") told an integrator nothing.
     */
    @Test
    void aLineEndOrADoubleEncodingInThePathIsNamedInTheAnswer() {
        Answer lineEnd = remember(gateway.get("EntregaXFecha/" + PROV1 + "/" + prov1 + "%0D%0A/" + today()));
        assertEquals(400, lineEnd.status(), lineEnd.text());
        assertTrue(lineEnd.json().get("Message").asText().startsWith("La ruta contiene un carácter de control"), lineEnd.text());
        Answer twice = remember(gateway.get("EntregaXFecha/" + PROV1 + "/" + prov1.substring(0, 43) + "%253D/" + today()));
        assertEquals(400, twice.status(), twice.text());
        assertTrue(twice.json().get("Message").asText().startsWith("La ruta contiene un '%' codificado (%25)"), twice.text());
    }

    @Test
    void pathsAreMatchedWithoutRegardToCaseAsTheMinistrysAre() {
        Answer token = gateway.getAbsolute("/wssummipresnopbs/API/generartoken/" + PROV1 + "/" + RunningGateway.PROV1_TOKEN);
        assertEquals(200, token.status(), token.text());
        String session = token.json().asText();
        Answer query = gateway.get("EntregaXfecha/" + PROV1 + "/" + session + "/" + today());
        assertEquals(200, query.status(), query.text());
        assertTrue(query.json().isArray(), query.text());
        Answer refused = gateway.put("programacion/" + PROV1 + "/" + session, "{}");
        assertEquals(422, refused.status(), refused.text());
        Answer unknown = remember(gateway.getAbsolute("/wssummipresnopbs/api/noexiste/" + PROV1 + "/" + session));
        assertEquals(404, unknown.status(), unknown.text());
        assertNotNull(unknown.json().get("Message"), unknown.text());
    }

    @Test
    void noErrorAnswerCarriesAStackTrace() {
        malformedJsonAnswers400InTheModelStateShape();
        aTextWhereANumberGoesAnswers400NamingTheField();
        pathMistakesGetTheMinistrysShape();
        aBodyOverOneMebibyteIsRefusedWith413();
        aDoubledSlashInThePathIsNamedInTheAnswer();
        aNumberBeyondItsFieldsRangeIsNamedAsSuch();
        for (Answer answer : errors) {
            assertFalse(answer.text().contains("Exception"), answer.text());
            assertFalse(answer.text().contains("\tat "), answer.text());
            assertFalse(answer.text().contains("co.mipresgateway"), answer.text());
        }
    }

    @Test
    void noAnswerNamesTheServersSoftwareOrItsVersion() {
        malformedJsonAnswers400InTheModelStateShape();
        pathMistakesGetTheMinistrysShape();
        aDoubledSlashInThePathIsNamedInTheAnswer();
        errors.add(gateway.getAbsolute("/"));
        errors.add(gateway.get("GenerarToken/" + PROV1 + "/" + RunningGateway.PROV1_TOKEN));
        for (Answer answer : errors) {
            assertNull(answer.header("Server"), answer.status() + " " + answer.text());
        }
    }

    @Test
    void theRootNamesTheServiceAndHealthReportsTheDatabase() {
        Answer root = ok(gateway.getAbsolute("/"));
        assertEquals("mipres-gateway", root.json().get("service").asText());
        assertEquals("/WSSUMMIPRESNOPBS/api/", root.json().get("api").asText());
        assertFalse(root.json().has("rehearsing"), "no rehearsal of the ministry's failures is on: " + root.text());
        Answer health = ok(gateway.getAbsolute("/health"));
        assertEquals("UP", health.json().get("database").get("status").asText());
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsTheCallersOwn() {
        assertTrue(gateway.getAbsolute("/").header("X-Request-Id").matches("[0-9a-f]{16}"));
        HttpRequest tagged = HttpRequest.newBuilder(URI.create(gateway.base() + "/")).header("X-Request-Id", "erp-42").GET()
                .build();
        assertEquals("erp-42", gateway.send(tagged).header("X-Request-Id"));
    }
}
