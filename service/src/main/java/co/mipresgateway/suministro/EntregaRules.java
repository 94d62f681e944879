package co.mipresgateway.suministro;

import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaAmbito;
import co.mipresgateway.contract.EntregaCodigos;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.ProgramacionRegistro;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * A provider delivers what it scheduled. The delivered-item fields are required only when something was
 * delivered; a partial delivery names its cause (the public record is silent on more, see the spec).
 */
final class EntregaRules {

    private EntregaRules() {
    }

    /**
     * @param programacion the caller's programación of the body's ID that is not annulled, or null
     * @param whyNone where the chain stands for the caller, asked only when there is no such programación
     */
    static void check(Entrega e, ProgramacionRegistro programacion, Supplier<String> whyNone, LocalDate today, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        f.present("ID", e.getID());
        Delivered delivered = checkDelivered(f, problems, e.getCodSerTecEntregado(), e.getCantTotEntregada(),
                e.getEntTotal(), e.getCausaNoEntrega(), e.getFecEntrega(), e.getNoLote(), today);
        if (delivered.something()) {
            f.oneOf("TipoIDRecibe", e.getTipoIDRecibe(), FieldChecks.TIPOS_ID_PACIENTE);
            f.documento("NoIDRecibe", e.getNoIDRecibe());
        } else {
            // Nobody received anything, so nobody is asked for; but whoever the body names is kept with the delivery.
            f.optionalOneOf("TipoIDRecibe", e.getTipoIDRecibe(), FieldChecks.TIPOS_ID_PACIENTE);
            f.optionalDocumento("NoIDRecibe", e.getNoIDRecibe());
        }
        if (e.getID() == null) return;

        if (programacion == null) {
            problems.add("ID", "no existe una programación activa para el ID " + e.getID() + ": " + whyNone.get() + ".");
            return;
        }
        if (programacion.getEstProgramacion() == Estado.PROCESADO) {
            problems.alreadyDone("ID", "Para el ID " + e.getID() + " ya existe una entrega activa.");
        }
        BigDecimal programado = FieldChecks.parseCantidad(programacion.getCantTotAEntregar());
        if (delivered.cantidad() != null && delivered.cantidad().compareTo(programado) > 0) {
            problems.add("CantTotEntregada", "no puede superar la cantidad programada ("
                    + programacion.getCantTotAEntregar() + ").");
        }
        LocalDate programada = LocalDate.parse(programacion.getFecProgramacion().substring(0, 10));
        if (delivered.fecha() != null && delivered.fecha().isBefore(programada)) {
            problems.add("FecEntrega", "no puede ser anterior a la programación (" + programada + ").");
        }
    }

    static void check(EntregaAmbito e, LocalDate today, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        f.noPrescripcion("NoPrescripcion", e.getNoPrescripcion());
        f.oneOf("TipoTec", e.getTipoTec(), FieldChecks.TIPOS_TEC);
        f.atLeast("ConTec", e.getConTec(), 1);
        f.oneOf("TipoIDPaciente", e.getTipoIDPaciente(), FieldChecks.TIPOS_ID_PACIENTE);
        f.documento("NoIDPaciente", e.getNoIDPaciente());
        f.atLeast("NoEntrega", e.getNoEntrega(), 1);
        checkDelivered(f, problems, e.getCodSerTecEntregado(), e.getCantTotEntregada(), e.getEntTotal(),
                e.getCausaNoEntrega(), e.getFecEntrega(), e.getNoLote(), today);
    }

    /**
     * @param entrega the caller's delivery of the body's ID that is not annulled, or null
     * @param whyNone where the chain stands for the caller, asked only when there is no such delivery
     */
    static void check(EntregaCodigos c, EntregaRegistro entrega, Supplier<String> whyNone, LocalDate today, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        f.present("ID", c.getID());
        f.text("CodSerTecEntregado", c.getCodSerTecEntregado(), 30);
        f.cantidad("CantTotEntregada", c.getCantTotEntregada(), false);
        LocalDate fecha = f.fecha("FecEntrega", c.getFecEntrega());
        if (fecha != null && fecha.isAfter(today)) problems.add("FecEntrega", FieldChecks.future(today));
        if (c.getID() != null && entrega == null) {
            problems.add("ID", "no existe una entrega activa para el ID " + c.getID() + ": " + whyNone.get() + ".");
        }
    }

    static String claveAmbito(EntregaAmbito e) {
        return String.join("|", e.getNoPrescripcion(), e.getTipoTec(), String.valueOf(e.getConTec()),
                String.valueOf(e.getNoEntrega()));
    }

    private record Delivered(BigDecimal cantidad, LocalDate fecha) {
        boolean something() {
            return cantidad != null && cantidad.signum() > 0;
        }
    }

    private static Delivered checkDelivered(FieldChecks f, Problems problems, String codigo, String cantidadText,
            Integer entTotal, Integer causa, String fechaText, String noLote, LocalDate today) {
        BigDecimal cantidad = f.cantidad("CantTotEntregada", cantidadText, true);
        f.zeroOrOne("EntTotal", entTotal);
        if (entTotal != null && entTotal == 1) {
            if (causa != null && causa != 0) problems.add("CausaNoEntrega", "debe ser 0 cuando la entrega es total.");
            if (cantidad != null && cantidad.signum() == 0) {
                problems.add("CantTotEntregada", "debe ser mayor que cero cuando la entrega es total.");
            }
        } else if (entTotal != null && entTotal == 0) {
            f.causaNoEntrega("CausaNoEntrega", causa);
        }
        LocalDate fecha = f.fecha("FecEntrega", fechaText);
        if (fecha != null && fecha.isAfter(today)) problems.add("FecEntrega", FieldChecks.future(today));
        Delivered delivered = new Delivered(cantidad, fecha);
        if (delivered.something()) {
            f.text("CodSerTecEntregado", codigo, 30);
        } else {
            f.optionalText("CodSerTecEntregado", codigo, 30);
        }
        f.optionalText("NoLote", noLote, 30);
        return delivered;
    }
}
