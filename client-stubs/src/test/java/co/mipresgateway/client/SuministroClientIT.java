package co.mipresgateway.client;

import static co.mipresgateway.client.GatewayProcess.EPS;
import static co.mipresgateway.client.GatewayProcess.EPS_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV2;
import static co.mipresgateway.client.GatewayProcess.PROV2_TOKEN;
import static co.mipresgateway.client.TypedBodies.PACIENTE;
import static co.mipresgateway.client.TypedBodies.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.contract.DireccionamientoCreado;
import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.EntregaCreada;
import co.mipresgateway.client.contract.EntregaRegistro;
import co.mipresgateway.client.contract.NODireccionamientoCreado;
import co.mipresgateway.client.contract.ProgramacionCreada;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.contract.ReporteEntregaCreado;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed REST client against the real gateway, for every transaction of the spec. */
class SuministroClientIT {

    private static GatewayProcess gateway;
    private static SuministroClient eps;
    private static SuministroClient provider;

    @BeforeAll
    static void start() throws Exception {
        // A session lives 3 s here, so that the client's renewal on "EL TOKEN EXPIRÓ" is exercised for real.
        gateway = GatewayProcess.start(Map.of("MIPRES_TOKEN_VALIDITY", "PT3S", "MIPRES_TOKEN_RECHECK", "PT0S"));
        eps = gateway.client(EPS, EPS_TOKEN);
        provider = gateway.client(PROV1, PROV1_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    @Test
    void walksTheWholeChainWithTypedValuesAndReadsItBackWithEveryQuery() {
        String prescripcion = TypedBodies.newPrescripcion();
        DireccionamientoCreado dir = eps.direccionamiento(TypedBodies.direccionamiento(prescripcion, PROV1));
        long id = dir.getId();
        assertTrue(dir.getIdDireccionamiento() > 0);

        ProgramacionCreada prog = provider.programacion(TypedBodies.programacion(id, PROV1));
        assertEquals(id, prog.getId());
        EntregaCreada entrega = provider.entrega(TypedBodies.entrega(id));
        EntregaCreada codigos = provider.entregaCodigos(TypedBodies.entregaCodigos(id));
        assertEquals(entrega.getIdEntrega(), codigos.getIdEntrega());
        ReporteEntregaCreado reporte = provider.reporteEntrega(TypedBodies.reporte(id));

        assertEquals(1, eps.direccionamientoXPrescripcion(prescripcion).size());
        assertTrue(eps.direccionamientoXFecha(today()).stream().anyMatch(r -> r.getID() == id));
        assertEquals(1, provider.direccionamientoXPacienteFecha(today(), "CC", PACIENTE).stream()
                .filter(r -> r.getID() == id).count());
        assertEquals(prog.getIdProgramacion(), provider.programacionXPrescripcion(prescripcion).get(0).getIDProgramacion());
        assertTrue(provider.programacionXFecha(today()).stream().anyMatch(r -> r.getID() == id));
        assertTrue(provider.programacionXPacienteFecha(today(), "CC", PACIENTE).stream().anyMatch(r -> r.getID() == id));
        EntregaRegistro registrada = provider.entregaXPrescripcion(prescripcion).get(0);
        assertEquals(entrega.getIdEntrega(), registrada.getIDEntrega());
        assertTrue(provider.entregaXFecha(today()).stream().anyMatch(r -> r.getID() == id));
        assertTrue(provider.entregaXPacienteFecha(today(), "CC", PACIENTE).stream().anyMatch(r -> r.getID() == id));
        ReporteEntregaRegistro reportada = provider.reporteEntregaXPrescripcion(prescripcion).get(0);
        assertEquals(reporte.getIdReporteEntrega(), reportada.getIDReporteEntrega());
        assertEquals(0, new BigDecimal("12500.50").compareTo(reportada.getValorEntregado()));
        assertTrue(provider.reporteEntregaXFecha(today()).stream().anyMatch(r -> r.getID() == id));
        assertTrue(provider.reporteEntregaXPacienteFecha(today(), "CC", PACIENTE).stream().anyMatch(r -> r.getID() == id));

        // Annulments, backwards, each putting the step before back to active.
        provider.anularReporteEntrega(reporte.getIdReporteEntrega());
        provider.anularEntrega(entrega.getIdEntrega());
        provider.anularProgramacion(prog.getIdProgramacion());
        eps.anularDireccionamiento(dir.getIdDireccionamiento());
        assertEquals(0, provider.reporteEntregaXPrescripcion(prescripcion).get(0).getEstRepEntrega());
        assertEquals(0, provider.entregaXPrescripcion(prescripcion).get(0).getEstEntrega());
        assertEquals(0, provider.programacionXPrescripcion(prescripcion).get(0).getEstProgramacion());
        assertEquals(0, eps.direccionamientoXPrescripcion(prescripcion).get(0).getEstDireccionamiento());
    }

    @Test
    void noDireccionamientoAndEntregaAmbito() {
        String prescripcion = TypedBodies.newPrescripcion();
        NODireccionamientoCreado no = eps.noDireccionamiento(TypedBodies.noDireccionamiento(prescripcion));
        assertEquals(1, eps.noDireccionamientoXPrescripcion(prescripcion).size());
        assertTrue(eps.noDireccionamientoXFecha(today()).stream().anyMatch(r -> r.getIDNODireccionamiento() == no.getIdNODireccionamiento()));
        assertTrue(eps.noDireccionamientoXPacienteFecha(today(), "CC", PACIENTE).stream()
                .anyMatch(r -> r.getIDNODireccionamiento() == no.getIdNODireccionamiento()));
        eps.anularNODireccionamiento(no.getIdNODireccionamiento());
        assertNotEquals(null, eps.noDireccionamientoXPrescripcion(prescripcion).get(0).getFecAnulacion());

        String hospital = TypedBodies.newPrescripcion();
        EntregaCreada ambito = provider.entregaAmbito(TypedBodies.entregaAmbito(hospital));
        assertEquals(ambito.getIdEntrega(), provider.entregaXPrescripcion(hospital).get(0).getIDEntrega());
    }

    @Test
    void aRefusedBodyIsATypedErrorWithEveryProblem() {
        ReporteEntrega bad = new ReporteEntrega();
        bad.setEstadoEntrega(7);
        bad.setValorEntregado(new BigDecimal("-1"));
        MipresValidationException refused = assertThrows(MipresValidationException.class, () -> provider.reporteEntrega(bad));
        assertEquals(422, refused.status());
        assertTrue(refused.errors().size() >= 3, refused.errors().toString());
        assertTrue(refused.errors().stream().anyMatch(e -> e.contains("ValorEntregado")), refused.errors().toString());
    }

    @Test
    void aSecondReportOfTheSameDeliveryIsRecognisedAsAlreadyDone() {
        long id = deliveredChain(TypedBodies.newPrescripcion());
        provider.reporteEntrega(TypedBodies.reporte(id));
        MipresValidationException again = assertThrows(MipresValidationException.class,
                () -> provider.reporteEntrega(TypedBodies.reporte(id)));
        assertTrue(again.isAlreadyDone(), again.toString());
    }

    @Test
    void eachStepSentExactlyOnceTwiceIsRecordedOnceAndBothCallsAnswerTheSameRecord() {
        String prescripcion = TypedBodies.newPrescripcion();
        long id = eps.direccionamiento(TypedBodies.direccionamiento(prescripcion, PROV1)).getId();

        long idProgramacion = provider.programacionExactlyOnce(TypedBodies.programacion(id, PROV1), prescripcion).getIdProgramacion();
        assertEquals(idProgramacion, provider.programacionExactlyOnce(TypedBodies.programacion(id, PROV1), prescripcion).getIdProgramacion());
        long idEntrega = provider.entregaExactlyOnce(TypedBodies.entrega(id), prescripcion).getIdEntrega();
        assertEquals(idEntrega, provider.entregaExactlyOnce(TypedBodies.entrega(id), prescripcion).getIdEntrega());
        ReporteEntregaCreado reporte = provider.reporteEntregaExactlyOnce(TypedBodies.reporte(id), prescripcion);
        assertEquals(id, reporte.getId());
        assertEquals(reporte.getIdReporteEntrega(),
                provider.reporteEntregaExactlyOnce(TypedBodies.reporte(id), prescripcion).getIdReporteEntrega());

        assertEquals(1, provider.programacionXPrescripcion(prescripcion).size());
        assertEquals(1, provider.entregaXPrescripcion(prescripcion).size());
        assertEquals(1, provider.reporteEntregaXPrescripcion(prescripcion).size());
        // A wrong prescription: the service says the step exists, the lookup cannot show it.
        MipresValidationException wrong = assertThrows(MipresValidationException.class,
                () -> provider.reporteEntregaExactlyOnce(TypedBodies.reporte(id), TypedBodies.newPrescripcion()));
        assertTrue(wrong.errors().get(wrong.errors().size() - 1).contains("revise NoPrescripcion"), wrong.toString());
    }

    @Test
    void aStepFoundWithOtherValuesIsNotAnsweredAsTheCallersOwn() {
        String prescripcion = TypedBodies.newPrescripcion();
        long id = deliveredChain(prescripcion);
        // Someone else reported the delivery first, with another amount (by hand in the ministry's web module, say).
        long typedByHand = provider.reporteEntrega(TypedBodies.reporte(id)).getIdReporteEntrega();
        ReporteEntrega ours = TypedBodies.reporte(id);
        ours.setValorEntregado(new BigDecimal("9800"));

        MipresRecordedOtherwiseException differs = assertThrows(MipresRecordedOtherwiseException.class,
                () -> provider.reporteEntregaExactlyOnce(ours, prescripcion));

        assertEquals(typedByHand, differs.recordedId());
        assertEquals(List.of("ValorEntregado: se envió 9800, el servicio tiene 12500.50."), differs.errors());
        assertTrue(differs.getMessage().contains("(IdReporteEntrega " + typedByHand + ") con otros valores"), differs.getMessage());
        assertFalse(differs.isAlreadyDone(), "a caller that takes \"ya existe\" as done must not take this for its record");
        // The same values written otherwise (12500.5 for 12500.50) are the same record.
        ReporteEntrega same = TypedBodies.reporte(id);
        same.setValorEntregado(new BigDecimal("12500.5"));
        assertEquals(typedByHand, provider.reporteEntregaExactlyOnce(same, prescripcion).getIdReporteEntrega());

        Entrega otherLot = TypedBodies.entrega(id);
        otherLot.setNoLote("L-OTRO");
        otherLot.setCantTotEntregada("29");
        MipresRecordedOtherwiseException entrega = assertThrows(MipresRecordedOtherwiseException.class,
                () -> provider.entregaExactlyOnce(otherLot, prescripcion));
        assertEquals(2, entrega.errors().size(), entrega.errors().toString());
        assertEquals(1, provider.entregaXPrescripcion(prescripcion).size(), "nothing recorded over it");
    }

    @Test
    void anotherProvidersRecordIsNotFound() {
        String prescripcion = TypedBodies.newPrescripcion();
        long id = deliveredChain(prescripcion);
        SuministroClient other = gateway.client(PROV2, PROV2_TOKEN);
        assertEquals(List.of(), other.entregaXPrescripcion(prescripcion));
        MipresValidationException refused = assertThrows(MipresValidationException.class,
                () -> other.reporteEntrega(TypedBodies.reporte(id)));
        assertTrue(refused.errors().stream().anyMatch(e -> e.contains("no existe")), refused.errors().toString());
    }

    @Test
    void anExpiredSessionTokenIsRenewedOnceAndTheCallRetried() throws Exception {
        String first = provider.generarToken();
        assertTrue(first.endsWith("=") && first.length() == 44, first);
        Thread.sleep(3_500);
        // The cached token has expired at the gateway: the client gets "EL TOKEN EXPIRÓ", renews and retries.
        provider.entregaXFecha(today());
        SessionTokens shared = new SessionTokens(Duration.ofHours(1), Clock.systemUTC());
        shared.current(PROV1, () -> "desconocido000000000000000000000000000000000=");
        SuministroClient withUnknownToken = SuministroClient.builder(gateway.base()).credentials(PROV1, PROV1_TOKEN)
                .sessionTokens(shared).build();
        withUnknownToken.entregaXFecha(today());
        assertNotEquals("desconocido000000000000000000000000000000000=", shared.current(PROV1, () -> "unused"));
    }

    @Test
    void wrongPrimaryTokenIsAClearRefusalNotARetryLoop() {
        SuministroClient wrong = gateway.client(PROV2, "00000000-0000-4000-8000-000000000000");
        MipresException refused = assertThrows(MipresException.class, () -> wrong.entregaXFecha(today()));
        assertEquals(401, refused.status());
    }

    @Test
    void aDeadServiceIsATransportFailureThatNeverReachedIt() throws Exception {
        SuministroClient nobody = SuministroClient.builder("http://127.0.0.1:" + GatewayProcess.freePort())
                .credentials(PROV1, PROV1_TOKEN).connectTimeout(Duration.ofSeconds(2)).build();
        MipresTransportException failure = assertThrows(MipresTransportException.class, () -> nobody.entregaXFecha(today()));
        assertTrue(!failure.mayHaveReachedService());
    }

    @Test
    void aRangeOfDaysGivesEveryDaysRecordsInDayOrder() {
        long deliveredToday = deliveredChain(TypedBodies.newPrescripcion());
        LocalDate today = today();
        List<Long> eachDay = new ArrayList<>();
        for (LocalDate day = today.minusDays(2); !day.isAfter(today); day = day.plusDays(1)) {
            provider.entregaXFecha(day).forEach(e -> eachDay.add(e.getIDEntrega()));
        }
        List<EntregaRegistro> range = provider.xFechaBetween(today.minusDays(2), today, provider::entregaXFecha);
        assertEquals(eachDay, ids(range));
        assertTrue(range.stream().anyMatch(e -> e.getID() == deliveredToday));

        // The sandbox's demo chains were delivered on 2025-06-03: a week around it finds just that day's.
        List<Long> demoWeek = ids(provider.xFechaBetween(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 6), provider::entregaXFecha));
        assertEquals(ids(provider.entregaXFecha(LocalDate.of(2025, 6, 3))), demoWeek);
        assertTrue(demoWeek.size() >= 4, demoWeek.toString());
    }

    private static List<Long> ids(List<EntregaRegistro> entregas) {
        return entregas.stream().map(EntregaRegistro::getIDEntrega).toList();
    }

    private static long deliveredChain(String prescripcion) {
        long id = eps.direccionamiento(TypedBodies.direccionamiento(prescripcion, PROV1)).getId();
        provider.programacion(TypedBodies.programacion(id, PROV1));
        provider.entrega(TypedBodies.entrega(id));
        return id;
    }
}
