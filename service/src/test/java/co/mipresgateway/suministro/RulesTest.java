package co.mipresgateway.suministro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.contract.ReporteEntrega;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of each step as plain Java over plain values: no server, no database. */
class RulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void aValidDireccionamientoHasNoProblems() {
        assertEquals(List.of(), direccionamientoProblems(direccionamiento()));
    }

    @Test
    void everyMissingDireccionamientoFieldIsNamedAtOnce() {
        List<String> lines = direccionamientoProblems(new Direccionamiento());
        assertEquals(14, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.endsWith(": es obligatorio.")));
    }

    @Test
    void prescriptionNumbersHaveTwentyDigitsAndDaneCodesFive() {
        Direccionamiento d = direccionamiento();
        d.setNoPrescripcion("2019110712300000000A");
        d.setCodMunEnt("110011");
        assertEquals(List.of("NoPrescripcion: debe tener 20 dígitos (se recibió '2019110712300000000A').",
                "CodMunEnt: debe ser el código DANE del municipio, de 5 dígitos (se recibió '110011')."), direccionamientoProblems(d));
    }

    /** A space or a tab copied from a spreadsheet is invisible in the field: the message says it is the only fault. */
    @Test
    void aCodeRefusedOnlyForTheSpacesAroundItSaysSo() {
        Direccionamiento d = direccionamiento();
        d.setNoPrescripcion(" 20191107123000000001");
        d.setCodMunEnt("11001\t");
        d.setNoIDProv("900000001 ");
        assertEquals(List.of("NoPrescripcion: debe tener 20 dígitos (se recibió ' 20191107123000000001', con espacios al inicio"
                        + " o al final).",
                "NoIDProv: debe tener de 5 a 15 dígitos (se recibió '900000001 ', con espacios al inicio o al final).",
                "CodMunEnt: debe ser el código DANE del municipio, de 5 dígitos (se recibió '11001\t', con espacios al inicio"
                        + " o al final)."), direccionamientoProblems(d));
    }

    @Test
    void fecMaxEntOfADireccionamientoIsNotInThePastAndIsARealDate() {
        Direccionamiento d = direccionamiento();
        d.setFecMaxEnt("2026-11-23");
        assertEquals(List.of("FecMaxEnt: no puede ser anterior a la fecha actual (2026-11-24)."), direccionamientoProblems(d));
        d.setFecMaxEnt("2026-02-30");
        assertEquals(List.of("FecMaxEnt: debe ser una fecha válida con formato yyyy-MM-dd (se recibió '2026-02-30')."),
                direccionamientoProblems(d));
    }

    @Test
    void aDateMayCarryATimeAsTheMinistrysRecordsAndDateTimeClientsWriteIt() {
        for (String accepted : List.of("2026-12-01", " 2026-12-01 ", "2026-12-01 00:00", "2026-12-01T00:00:00",
                "2026-12-01T13:45:10.250", "2026-12-01 23:59")) {
            assertEquals(Optional.of(LocalDate.of(2026, 12, 1)), MipresTime.parseFecha(accepted), accepted);
        }
        for (String refused : List.of("2026-12-1", "01/12/2026", "2026-12-01X00:00", "2026-12-01 24:00", "2026-12-01 00",
                "2026-02-30 00:00", "2026-12-01T00:00:00Z")) {
            assertEquals(Optional.empty(), MipresTime.parseFecha(refused), refused);
        }
        Direccionamiento d = direccionamiento();
        d.setFecMaxEnt("2026-12-01T00:00:00");
        assertEquals(List.of(), direccionamientoProblems(d));
        // With a zone it is refused saying why, not with the bare format.
        for (String zoned : List.of("2026-12-01T00:00:00Z", "2026-12-01T00:00:00.000Z", "2026-12-01T00:00:00-05:00",
                "2026-12-01T00:00:00.0000000-05:00")) {
            d.setFecMaxEnt(zoned);
            assertEquals(List.of("FecMaxEnt: debe ser una fecha sin zona horaria, con formato yyyy-MM-dd: una fecha y hora con"
                    + " zona ('" + zoned + "') puede caer en otro día en Bogotá."), direccionamientoProblems(d), zoned);
        }
    }

    @Test
    void quantitiesAreNumbersAsTextAboveZero() {
        Direccionamiento d = direccionamiento();
        for (String bad : List.of("0", "-1", "1,5", "tres", "1e3")) {
            d.setCantTotAEntregar(bad);
            assertEquals(1, direccionamientoProblems(d).size(), bad);
        }
        d.setCantTotAEntregar("2.5");
        assertEquals(List.of(), direccionamientoProblems(d));
    }

    @Test
    void programacionNeedsTheCallersDireccionamiento() {
        Problems problems = new Problems();
        ProgramacionRules.check(programacion(), null, problems);
        assertEquals(List.of("ID: el direccionamiento 1000001 no existe."), problems.lines());
    }

    @Test
    void programacionNeverSchedulesMoreNorLaterThanDirected() {
        Programacion p = programacion();
        p.setCantTotAEntregar("31");
        p.setFecMaxEnt("2026-12-05");
        Problems problems = new Problems();
        ProgramacionRules.check(p, directed(1), problems);
        assertEquals(List.of("FecMaxEnt: no puede ser posterior a la del direccionamiento (2026-12-04).",
                "CantTotAEntregar: no puede superar la cantidad direccionada (30)."), problems.lines());
    }

    @Test
    void programacionOnAProcessedDireccionamientoSaysYaExiste() {
        Problems problems = new Problems();
        ProgramacionRules.check(programacion(), directed(Estado.PROCESADO), problems);
        ValidationFailure failure = assertThrows(ValidationFailure.class, problems::throwIfAny);
        assertTrue(failure.getMessage().contains("ya existe"), failure.getMessage());
    }

    @Test
    void aPartialDeliveryNamesItsCauseAndNeedsNoDeliveredItem() {
        Entrega e = entrega("0", 0, "2026-11-24");
        assertEquals(List.of("CausaNoEntrega: es obligatorio."), problemsOf(e));
        e.setCausaNoEntrega(7);
        assertEquals(List.of(), problemsOf(e));
    }

    /** What a delivery of nothing names is kept with it, so it is checked as a delivery's is, though not asked for. */
    @Test
    void aDeliveryOfNothingKeepsOnlyAValidReceiverAndCode() {
        Entrega e = entrega("0", 0, "2026-11-24");
        e.setCausaNoEntrega(7);
        e.setCodSerTecEntregado("X".repeat(31));
        e.setTipoIDRecibe("XX");
        e.setNoIDRecibe("1020 304");
        assertEquals(List.of("CodSerTecEntregado: admite a lo sumo 30 caracteres.",
                "TipoIDRecibe: el valor 'XX' no es válido; valores válidos: AS, CC, CD, CE, MS, NV, PA, PE, PR, PT, RC, SC, TI.",
                "NoIDRecibe: debe tener de 1 a 20 letras, dígitos o guiones (se recibió '1020 304')."), problemsOf(e));
        e.setCodSerTecEntregado("");
        e.setTipoIDRecibe("");
        e.setNoIDRecibe(null);
        assertEquals(List.of(), problemsOf(e));
    }

    @Test
    void aRefusedValueIsQuotedUpToFortyCharacters() {
        Problems problems = new Problems();
        new FieldChecks(problems).oneOf("TipoIDPaciente", "C".repeat(300), FieldChecks.TIPOS_ID_PACIENTE);
        assertEquals(List.of("TipoIDPaciente: el valor '" + "C".repeat(40) + "…' no es válido; valores válidos: AS, CC, CD,"
                + " CE, MS, NV, PA, PE, PR, PT, RC, SC, TI."), problems.lines());
    }

    @Test
    void aWholeDeliveryHasCauseZeroAndSaysWhatAndToWhom() {
        Entrega e = entrega("30", 1, "2026-11-25");
        e.setCausaNoEntrega(7);
        assertEquals(List.of("CausaNoEntrega: debe ser 0 cuando la entrega es total.",
                "FecEntrega: no puede ser una fecha futura (hoy, en hora de Colombia, es " + TODAY + ").", "CodSerTecEntregado: es obligatorio.",
                "TipoIDRecibe: es obligatorio.", "NoIDRecibe: es obligatorio."), problemsOf(e));
    }

    @Test
    void aDeliveryIsNeitherBeforeItsProgramacionNorMoreThanScheduled() {
        Entrega e = entrega("31", 1, "2026-11-19");
        e.setCodSerTecEntregado("X");
        e.setTipoIDRecibe("CC");
        e.setNoIDRecibe("123");
        assertEquals(List.of("CantTotEntregada: no puede superar la cantidad programada (30).",
                "FecEntrega: no puede ser anterior a la programación (2026-11-20)."), problemsOf(e));
    }

    @Test
    void aReportNamesItsDeliveryAndAValueWithAtMostTwoDecimals() {
        ReporteEntrega r = new ReporteEntrega();
        r.setEstadoEntrega(0);
        r.setValorEntregado(new BigDecimal("-1.555"));
        Problems problems = new Problems();
        ReporteEntregaRules.checkFields(r, problems);
        assertEquals(List.of("ID: es obligatorio (o IDEntrega, el número de la entrega).", "CausaNoEntrega: es obligatorio.",
                "ValorEntregado: no puede ser negativo.", "ValorEntregado: admite a lo sumo 2 decimales."), problems.lines());
    }

    @Test
    void aReportOfAnAlreadyReportedDeliverySaysYaExiste() {
        ReporteEntrega r = new ReporteEntrega();
        r.setID(1000001L);
        EntregaRegistro e = new EntregaRegistro();
        e.setIDEntrega(5000001L);
        e.setEstEntrega(Estado.PROCESADO);
        Problems problems = new Problems();
        ReporteEntregaRules.checkAgainst(r, e, UNASKED, problems);
        assertTrue(assertThrows(ValidationFailure.class, problems::throwIfAny).getMessage().contains("ya existe"));
    }

    @Test
    void aMissingStepBeforeIsToldWithWhereTheChainStands() {
        Entrega e = new Entrega();
        e.setID(1000001L);
        Problems problems = new Problems();
        EntregaRules.check(e, null, () -> "su programación 4000001 fue anulada", TODAY, problems);
        assertTrue(problems.lines().contains("ID: no existe una programación activa para el ID 1000001: su programación 4000001"
                + " fue anulada."), problems.lines().toString());
        ReporteEntrega r = new ReporteEntrega();
        r.setIDEntrega(5000001L);
        Problems report = new Problems();
        ReporteEntregaRules.checkAgainst(r, null, () -> "está anulada", report);
        assertEquals(List.of("IDEntrega: no existe una entrega activa para la entrega 5000001: está anulada."), report.lines());
    }

    /** Where a chain stands is read from the database only when a step before is missing. */
    private static final java.util.function.Supplier<String> UNASKED = () -> {
        throw new AssertionError("where the chain stands was asked though the step before is there");
    };

    private static List<String> direccionamientoProblems(Direccionamiento d) {
        Problems problems = new Problems();
        DireccionamientoRules.check(d, TODAY, problems);
        return problems.lines();
    }

    private static Direccionamiento direccionamiento() {
        Direccionamiento d = new Direccionamiento();
        d.setNoPrescripcion("20191107123000000001");
        d.setTipoTec("M");
        d.setConTec(1);
        d.setTipoIDPaciente("CC");
        d.setNoIDPaciente("1020304050");
        d.setNoEntrega(1);
        d.setNoSubEntrega(0);
        d.setTipoIDProv("NI");
        d.setNoIDProv("900000001");
        d.setCodMunEnt("11001");
        d.setFecMaxEnt("2026-12-04");
        d.setCantTotAEntregar("30");
        d.setDirPaciente("Calle 1");
        d.setCodSerTecAEntregar("19943544-1");
        return d;
    }

    private static Programacion programacion() {
        Programacion p = new Programacion();
        p.setID(1000001L);
        p.setFecMaxEnt("2026-12-01");
        p.setTipoIDSedeProv("NI");
        p.setNoIDSedeProv("900000001");
        p.setCodSedeProv("PROV1");
        p.setCodSerTecAEntregar("19943544-1");
        p.setCantTotAEntregar("30");
        return p;
    }

    private static DireccionamientoRegistro directed(int estado) {
        DireccionamientoRegistro d = new DireccionamientoRegistro();
        d.setID(1000001L);
        d.setFecMaxEnt("2026-12-04 00:00");
        d.setCantTotAEntregar("30");
        d.setEstDireccionamiento(estado);
        return d;
    }

    /** A delivery on chain 1000001: how much, whether whole (1) or not (0), and on which day. */
    private static Entrega entrega(String cantidad, int entTotal, String fecEntrega) {
        Entrega e = new Entrega();
        e.setID(1000001L);
        e.setCantTotEntregada(cantidad);
        e.setEntTotal(entTotal);
        e.setFecEntrega(fecEntrega);
        return e;
    }

    /** What the rules say of a delivery on the chain's active programación. */
    private static List<String> problemsOf(Entrega e) {
        Problems problems = new Problems();
        EntregaRules.check(e, scheduled(Estado.ACTIVO), UNASKED, TODAY, problems);
        return problems.lines();
    }

    private static ProgramacionRegistro scheduled(int estado) {
        ProgramacionRegistro p = new ProgramacionRegistro();
        p.setID(1000001L);
        p.setIDProgramacion(4000001L);
        p.setCantTotAEntregar("30");
        p.setFecProgramacion("2026-11-20 09:15");
        p.setEstProgramacion(estado);
        return p;
    }
}
