package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static co.mipresgateway.it.RunningGateway.PROV2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The whole chain over HTTP against a real server and database, and every rule of the chain by name. */
abstract class ChainContract extends GatewayContract {

    @Test
    void wholeChainWalksOverHttpWithEveryQueryAndAnnulment() {
        String presc = Bodies.newPrescripcion();
        String day = today().toString();
        long id = directed(presc);

        // Direccionamiento: seen by the EPS that directed and by the provider it was directed to.
        for (String path : List.of("DireccionamientoXFecha/" + PROV1 + "/" + prov1 + "/" + day,
                "DireccionamientoXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc,
                "DireccionamientoXPacienteFecha/" + PROV1 + "/" + day + "/" + prov1 + "/CC/1020304050",
                "DireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc)) {
            JsonNode d = only(path, "ID", id);
            assertEquals(1, d.get("EstDireccionamiento").asInt(), path);
            assertEquals(presc, d.get("NoPrescripcion").asText());
        }

        long idProgramacion = programmed(id);
        assertEquals(2, only("DireccionamientoXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                .get("EstDireccionamiento").asInt(), "a programmed direccionamiento is processed");
        for (String path : List.of("ProgramacionXFecha/" + PROV1 + "/" + prov1 + "/" + day,
                "ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc,
                "ProgramacionXPacienteFecha/" + PROV1 + "/" + day + "/" + prov1 + "/CC/1020304050")) {
            assertEquals(idProgramacion, only(path, "ID", id).get("IDProgramacion").asLong(), path);
        }

        long idEntrega = delivered(id);
        ok(gateway.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(id, today())));
        for (String path : List.of("EntregaXFecha/" + PROV1 + "/" + prov1 + "/" + day,
                "EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc,
                "EntregaXPacienteFecha/" + PROV1 + "/" + day + "/" + prov1 + "/CC/1020304050")) {
            JsonNode e = only(path, "ID", id);
            assertEquals(idEntrega, e.get("IDEntrega").asLong(), path);
            assertEquals("19943544-2", e.get("CodigosEntrega").get(0).get("CodSerTecEntregado").asText());
        }
        assertEquals(2, only("ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                .get("EstProgramacion").asInt());

        long idReporte = reported(id);
        for (String path : List.of("ReporteEntregaXFecha/" + PROV1 + "/" + prov1 + "/" + day,
                "ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc,
                "ReporteEntregaXPacienteFecha/" + PROV1 + "/" + day + "/" + prov1 + "/CC/1020304050")) {
            JsonNode r = only(path, "ID", id);
            assertEquals(idReporte, r.get("IDReporteEntrega").asLong(), path);
            assertEquals(15000.5, r.get("ValorEntregado").asDouble());
            assertTrue(r.get("ValorEntregado").isNumber(), "ValorEntregado comes back as a number");
            assertEquals("LOTE-77", r.get("NoLote").asText());
        }

        // Annul backwards: each annulment puts the step before back to active.
        ok(gateway.put("AnularReporteEntrega/" + PROV1 + "/" + prov1 + "/" + idReporte, ""));
        JsonNode reporte = only("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id);
        assertEquals(0, reporte.get("EstRepEntrega").asInt());
        assertTrue(reporte.get("FecAnulacion").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        assertEquals(1, only("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id).get("EstEntrega").asInt());

        ok(gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + idEntrega, ""));
        assertEquals(1, only("ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                .get("EstProgramacion").asInt());
        ok(gateway.put("AnularProgramacion/" + PROV1 + "/" + prov1 + "/" + idProgramacion, ""));
        assertEquals(1, direccionamientoOf(presc, id).get("EstDireccionamiento").asInt());
        long idDireccionamiento = direccionamientoOf(presc, id).get("IDDireccionamiento").asLong();
        ok(gateway.put("AnularDireccionamiento/" + EPS + "/" + eps + "/" + idDireccionamiento, ""));
        assertEquals(0, direccionamientoOf(presc, id).get("EstDireccionamiento").asInt());

        // After annulment the chain can start again under a new ID.
        long again = directed(presc);
        assertNotEquals(id, again);
    }

    @Test
    void noDireccionamientoIsRecordedQueriedAndAnnulledByTheEps() {
        String presc = Bodies.newPrescripcion();
        JsonNode created = ok(gateway.put("NODireccionamiento/" + EPS + "/" + eps, Bodies.noDireccionamiento(presc)))
                .json().get(0);
        long idNo = created.get("IdNODireccionamiento").asLong();
        String day = today().toString();
        for (String path : List.of("NODireccionamientoXFecha/" + EPS + "/" + eps + "/" + day,
                "NODireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc,
                "NODireccionamientoXPacienteFecha/" + EPS + "/" + day + "/" + eps + "/CC/1020304050")) {
            JsonNode n = only(path, "IDNODireccionamiento", idNo);
            assertEquals(6, n.get("CausaNoEntrega").asInt());
        }
        Answer again = gateway.put("NODireccionamiento/" + EPS + "/" + eps, Bodies.noDireccionamiento(presc));
        assertEquals(422, again.status());
        assertTrue(again.json().get("Message").asText().contains("ya existe"), again.text());
        ok(gateway.put("AnularNODireccionamiento/" + EPS + "/" + eps + "/" + idNo, ""));
        assertEquals(0, only("NODireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc, "IDNODireccionamiento", idNo)
                .get("EstNODireccionamiento").asInt());
    }

    @Test
    void deliveredAndReportedRecordsReadBackEveryFieldTheirInsertsWrote() {
        // The Entrega and ReporteEntrega inserts bind ~20 positional parameters: a swapped pair shows up here.
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        programmed(id);
        Map<String, Object> entrega = Bodies.entrega(id, today());
        entrega.put("TipoIDRecibe", "TI");
        entrega.put("NoIDRecibe", "5566778899");
        long idEntrega = ok(gateway.put("Entrega/" + PROV1 + "/" + prov1, entrega)).json().get(0).get("IdEntrega").asLong();
        String midnight = today() + " 00:00";
        assertFields(only("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id), Map.ofEntries(
                Map.entry("IDEntrega", idEntrega), Map.entry("NoPrescripcion", presc), Map.entry("TipoTec", "M"),
                Map.entry("ConTec", 1), Map.entry("TipoIDPaciente", "CC"), Map.entry("NoIDPaciente", "1020304050"),
                Map.entry("NoEntrega", 1), Map.entry("CodSerTecEntregado", "19943544-1"),
                Map.entry("CantTotEntregada", "30"), Map.entry("EntTotal", 1), Map.entry("CausaNoEntrega", 0),
                Map.entry("FecEntrega", midnight), Map.entry("NoLote", "LOTE-77"), Map.entry("TipoIDRecibe", "TI"),
                Map.entry("NoIDRecibe", "5566778899"), Map.entry("EstEntrega", 1)));

        long idReporte = reported(id);
        JsonNode reporte = only("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id);
        assertFields(reporte, Map.ofEntries(
                Map.entry("IDReporteEntrega", idReporte), Map.entry("NoPrescripcion", presc), Map.entry("TipoTec", "M"),
                Map.entry("ConTec", 1), Map.entry("TipoIDPaciente", "CC"), Map.entry("NoIDPaciente", "1020304050"),
                Map.entry("NoEntrega", 1), Map.entry("EstadoEntrega", 1), Map.entry("CausaNoEntrega", 0),
                Map.entry("CodTecEntregado", "19943544-1"),
                Map.entry("CantTotEntregada", "30"), Map.entry("NoLote", "LOTE-77"), Map.entry("FecEntrega", midnight),
                Map.entry("EstRepEntrega", 1)));
        assertEquals(15000.5, reporte.get("ValorEntregado").asDouble());
        assertTrue(reporte.get("FecRepEntrega").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), reporte.toString());
    }

    private static void assertFields(JsonNode record, Map<String, Object> expected) {
        expected.forEach((field, value) -> assertEquals(String.valueOf(value), record.path(field).asText(),
                field + " in " + record));
    }

    @Test
    void entregaAmbitoNeedsNoDireccionamientoAndIsReportedLikeAnyDelivery() {
        String presc = Bodies.newPrescripcion();
        JsonNode created = ok(gateway.put("EntregaAmbito/" + PROV1 + "/" + prov1, Bodies.entregaAmbito(presc, today())))
                .json().get(0);
        long id = created.get("Id").asLong();
        long idEntrega = created.get("IdEntrega").asLong();
        assertEquals(idEntrega, only("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                .get("IDEntrega").asLong());
        Answer twice = gateway.put("EntregaAmbito/" + PROV1 + "/" + prov1, Bodies.entregaAmbito(presc, today()));
        assertEquals(422, twice.status());
        assertTrue(twice.json().get("Message").asText().endsWith(" ya existe una entrega activa (IdEntrega " + idEntrega + ")."),
                twice.text());
        // another provider sending the same delivery is refused without being told the first one's record
        Answer another = gateway.put("EntregaAmbito/" + RunningGateway.PROV2 + "/" + prov2, Bodies.entregaAmbito(presc, today()));
        assertEquals(422, another.status(), another.text());
        assertFalse(another.text().contains(String.valueOf(idEntrega)), another.text());
        reported(id);
        ok(gateway.put("AnularReporteEntrega/" + PROV1 + "/" + prov1 + "/"
                + only("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                        .get("IDReporteEntrega").asLong(), ""));
        ok(gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + idEntrega, ""));
        ok(gateway.put("EntregaAmbito/" + PROV1 + "/" + prov1, Bodies.entregaAmbito(presc, today())));
    }

    @Test
    void programacionNeedsAnActiveDireccionamiento() {
        Answer unknown = gateway.put("Programacion/" + PROV1 + "/" + prov1, Bodies.programacion(999_999_999L, PROV1,
                today().plusDays(1)));
        assertEquals(422, unknown.status());
        assertErrorContains(unknown, "ID: el direccionamiento 999999999 no existe.");

        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idDireccionamiento = direccionamientoOf(presc, id).get("IDDireccionamiento").asLong();
        ok(gateway.put("AnularDireccionamiento/" + EPS + "/" + eps + "/" + idDireccionamiento, ""));
        Answer annulled = gateway.put("Programacion/" + PROV1 + "/" + prov1, Bodies.programacion(id, PROV1, today()));
        assertEquals(422, annulled.status());
        assertErrorContains(annulled, "está anulado");
    }

    @Test
    void aSecondActiveStepOnTheSameIdSaysYaExiste() {
        long id = directed(Bodies.newPrescripcion());
        long idProgramacion = programmed(id);
        // Each refusal names the record that exists: a client that lost the first answer learns its id.
        Answer again = gateway.put("Programacion/" + PROV1 + "/" + prov1, Bodies.programacion(id, PROV1, today()));
        assertEquals(422, again.status());
        assertEquals("Para el ID " + id + " ya existe una programación activa (IdProgramacion " + idProgramacion + ").",
                again.json().get("Message").asText(), again.text());
        assertEquals("ID: " + again.json().get("Message").asText(), again.json().get("Errors").get(0).asText());
        long idEntrega = delivered(id);
        Answer deliveredAgain = gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today()));
        assertEquals(422, deliveredAgain.status());
        assertEquals("Para el ID " + id + " ya existe una entrega activa (IdEntrega " + idEntrega + ").",
                deliveredAgain.json().get("Message").asText(), deliveredAgain.text());
        long idReporteEntrega = reported(id);
        Answer report = gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(id, 1));
        assertEquals(422, report.status());
        assertEquals("Para el ID " + id + " ya existe un reporte de entrega activo (IdReporteEntrega " + idReporteEntrega + ").",
                report.json().get("Message").asText(), report.text());
        Answer sameDireccionamiento = gateway.put("Direccionamiento/" + EPS + "/" + eps, Bodies.direccionamiento(
                only("DireccionamientoXPrescripcion/" + EPS + "/" + eps + "/"
                        + only("ReporteEntregaXFecha/" + PROV1 + "/" + prov1 + "/" + today(), "ID", id)
                                .get("NoPrescripcion").asText(), "ID", id).get("NoPrescripcion").asText(),
                PROV1, today().plusDays(3)));
        long idDireccionamiento = only("DireccionamientoXFecha/" + EPS + "/" + eps + "/" + today(), "ID", id)
                .get("IDDireccionamiento").asLong();
        assertTrue(sameDireccionamiento.json().get("Message").asText().endsWith(
                ", tecnología M1, entrega 1, subentrega 0 ya existe un direccionamiento activo (IdDireccionamiento "
                        + idDireccionamiento + ")."), sameDireccionamiento.text());
    }

    @Test
    void quantitiesNeverExceedTheStepBefore() {
        long id = directed(Bodies.newPrescripcion());
        Map<String, Object> tooMuch = Bodies.programacion(id, PROV1, today().plusDays(2));
        tooMuch.put("CantTotAEntregar", "31");
        assertErrorContains(gateway.put("Programacion/" + PROV1 + "/" + prov1, tooMuch),
                "CantTotAEntregar: no puede superar la cantidad direccionada (30).");
        Map<String, Object> less = Bodies.programacion(id, PROV1, today().plusDays(2));
        less.put("CantTotAEntregar", "20");
        ok(gateway.put("Programacion/" + PROV1 + "/" + prov1, less));
        Map<String, Object> overDelivered = Bodies.entrega(id, today());
        overDelivered.put("CantTotEntregada", "20.5");
        assertErrorContains(gateway.put("Entrega/" + PROV1 + "/" + prov1, overDelivered),
                "CantTotEntregada: no puede superar la cantidad programada (20).");
    }

    @Test
    void datesAreValidatedAgainstTheChain() {
        long id = directed(Bodies.newPrescripcion());
        assertErrorContains(gateway.put("Programacion/" + PROV1 + "/" + prov1, Bodies.programacion(id, PROV1,
                today().plusDays(11))), "FecMaxEnt: no puede ser posterior a la del direccionamiento");
        programmed(id);
        assertErrorContains(gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today().plusDays(1))),
                "FecEntrega: no puede ser una fecha futura (hoy, en hora de Colombia, es " + today() + ").");
        assertErrorContains(gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today().minusDays(1))),
                "FecEntrega: no puede ser anterior a la programación");
    }

    @Test
    void annulmentGoesOnlyBackwards() {
        long id = directed(Bodies.newPrescripcion());
        long idProgramacion = programmed(id);
        long idEntrega = delivered(id);
        Answer refused = gateway.put("AnularProgramacion/" + PROV1 + "/" + prov1 + "/" + idProgramacion, "");
        assertEquals(422, refused.status());
        assertErrorContains(refused, "no se puede anular: tiene una entrega activa");
        ok(gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + idEntrega, ""));
        Answer twice = gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + idEntrega, "");
        assertEquals(422, twice.status());
        assertTrue(twice.json().get("Message").asText().contains("ya fue"), twice.text());
    }

    /**
     * A step whose step before is missing says where the chain stands for the caller: it said only "no existe una
     * programación activa para el ID", and the sender had to find out by hand whether the ID was never programmed,
     * had its programación annulled, or was not its own. The chain's state is told without showing another's records.
     */
    @Test
    void aMissingStepBeforeIsToldWhereTheChainStands() {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idDireccionamiento = direccionamientoOf(presc, id).get("IDDireccionamiento").asLong();
        assertErrorContains(gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today())),
                "ID: no existe una programación activa para el ID " + id + ": está direccionado a este proveedor"
                        + " (IdDireccionamiento " + idDireccionamiento + "), pero aún no programado; registre primero la Programacion.");
        assertErrorContains(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(id, 100)),
                "aún no programado; registre primero la Programacion.");
        assertErrorContains(gateway.put("Entrega/" + PROV2 + "/" + prov2, Bodies.entrega(id, today())),
                "ID: no existe una programación activa para el ID " + id + ": ningún direccionamiento de ese ID es para este"
                        + " proveedor.");

        long idProgramacion = programmed(id);
        assertErrorContains(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(id, 100)),
                "ID: no existe una entrega activa para el ID " + id + ": está programado (IdProgramacion " + idProgramacion
                        + "), pero aún no entregado; registre primero la Entrega.");
        long idEntrega = delivered(id);
        ok(gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + idEntrega, ""));
        assertErrorContains(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, Bodies.reporteEntrega(id, 100)),
                "ID: no existe una entrega activa para el ID " + id + ": su entrega " + idEntrega + " fue anulada; regístrela de"
                        + " nuevo.");
        assertErrorContains(gateway.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(id, today())),
                "ID: no existe una entrega activa para el ID " + id + ": su entrega " + idEntrega + " fue anulada; regístrela de"
                        + " nuevo.");
        Map<String, Object> byEntrega = Bodies.reporteEntrega(id, 100);
        byEntrega.remove("ID");
        byEntrega.put("IDEntrega", idEntrega);
        assertErrorContains(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, byEntrega),
                "IDEntrega: no existe una entrega activa para la entrega " + idEntrega + ": está anulada.");
        ok(gateway.put("AnularProgramacion/" + PROV1 + "/" + prov1 + "/" + idProgramacion, ""));
        Answer annulled = gateway.put("Entrega/" + PROV1 + "/" + prov1, Bodies.entrega(id, today()));
        assertErrorContains(annulled, "ID: no existe una programación activa para el ID " + id + ": su programación "
                + idProgramacion + " fue anulada; prográmelo de nuevo.");
        assertFalse(annulled.text().contains("ya fue"), "clients take 'ya fue' for already done: " + annulled.text());
    }

    @Test
    void anotherProvidersRecordIsNotFound() {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        long idProgramacion = programmed(id);
        Answer foreign = gateway.put("Entrega/" + PROV2 + "/" + prov2, Bodies.entrega(id, today()));
        assertEquals(422, foreign.status());
        assertErrorContains(foreign, "no existe una programación activa para el ID " + id);
        assertEquals(0, ok(gateway.get("ProgramacionXPrescripcion/" + PROV2 + "/" + prov2 + "/" + presc)).json().size());
        assertEquals(0, ok(gateway.get("DireccionamientoXPrescripcion/" + PROV2 + "/" + prov2 + "/" + presc)).json().size());
        Answer annul = gateway.put("AnularProgramacion/" + PROV2 + "/" + prov2 + "/" + idProgramacion, "");
        assertEquals(404, annul.status());
        assertEquals("La programación " + idProgramacion + " no existe.", annul.json().get("Message").asText());
        assertEquals(1, only("ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                .get("EstProgramacion").asInt(), "the owner's record is untouched");
    }

    @Test
    void epsOnlyAndProviderOnlyTransactionsAreEnforced() {
        Answer providerDirects = gateway.put("Direccionamiento/" + PROV1 + "/" + prov1,
                Bodies.direccionamiento(Bodies.newPrescripcion(), PROV1, today().plusDays(3)));
        assertEquals(403, providerDirects.status());
        Answer epsSchedules = gateway.put("Programacion/" + EPS + "/" + eps, Bodies.programacion(1, PROV1, today()));
        assertEquals(403, epsSchedules.status());
        assertEquals(403, gateway.get("ReporteEntregaXFecha/" + EPS + "/" + eps + "/" + today()).status());
        assertEquals(403, gateway.get("NODireccionamientoXFecha/" + PROV1 + "/" + prov1 + "/" + today()).status());
    }

    @Test
    void datesMayComeBackAsTheRecordsWriteThemOrWithATime() {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        String recordsFecMaxEnt = direccionamientoOf(presc, id).get("FecMaxEnt").asText();
        Map<String, Object> p = Bodies.programacion(id, PROV1, today());
        p.put("FecMaxEnt", recordsFecMaxEnt);   // "yyyy-MM-dd 00:00", as clients copy it from the record
        ok(gateway.put("Programacion/" + PROV1 + "/" + prov1, p));
        Map<String, Object> e = Bodies.entrega(id, today());
        e.put("FecEntrega", today() + "T00:00:00");   // a client that serializes a date-time
        ok(gateway.put("Entrega/" + PROV1 + "/" + prov1, e));
        assertEquals(today() + " 00:00",
                only("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id).get("FecEntrega").asText());
        assertEquals(recordsFecMaxEnt,
                only("ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id).get("FecMaxEnt").asText());
    }

    @Test
    void concurrentProgramacionesOfOneIdLetExactlyOneThrough() throws Exception {
        long id = directed(Bodies.newPrescripcion());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> gateway.put("Programacion/" + PROV1 + "/" + prov1,
                        Bodies.programacion(id, PROV1, today().plusDays(1))).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(racers)) statuses.add(f.get());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reporteEntregaByIdEntregaReachesTheSameDelivery() {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        programmed(id);
        long idEntrega = delivered(id);
        Map<String, Object> byEntrega = Bodies.reporteEntrega(id, 100);
        byEntrega.remove("ID");
        byEntrega.put("IDEntrega", idEntrega);
        JsonNode created = ok(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1, byEntrega)).json().get(0);
        assertEquals(id, created.get("Id").asLong());
        assertEquals(2, only("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id).get("EstEntrega").asInt());
    }

    @Test
    void aRefusedWriteLeavesNoRecordBehind() {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        programmed(id);
        Map<String, Object> bad = Bodies.entrega(id, today());
        bad.put("EntTotal", 7);
        assertEquals(422, gateway.put("Entrega/" + PROV1 + "/" + prov1, bad).status());
        assertEquals(0, ok(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)).json().size());
        assertEquals(1, only("ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "ID", id)
                .get("EstProgramacion").asInt(), "the programación stays active");
    }

    /** The one record of the query's answer whose {@code field} is {@code value}. */
    /** The EPS's direccionamiento of chain ID {@code id}, read back by its prescription. */
    private JsonNode direccionamientoOf(String presc, long id) {
        return only("DireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc, "ID", id);
    }

    protected JsonNode only(String path, String field, long value) {
        JsonNode list = ok(gateway.get(path)).json();
        assertTrue(list.isArray(), path);
        List<JsonNode> matches = new ArrayList<>();
        list.forEach(n -> {
            if (n.get(field).asLong() == value) matches.add(n);
        });
        assertEquals(1, matches.size(), path + " -> " + list);
        return matches.get(0);
    }
}
