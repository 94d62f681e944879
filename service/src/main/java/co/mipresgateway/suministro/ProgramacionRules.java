package co.mipresgateway.suministro;

import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.Programacion;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A provider schedules a technology it was directed: never later nor more than the EPS directed. */
final class ProgramacionRules {

    private ProgramacionRules() {
    }

    /** @param direccionamiento the caller's direccionamiento of the body's ID, or null when there is none */
    static void check(Programacion p, DireccionamientoRegistro direccionamiento, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        f.present("ID", p.getID());
        LocalDate fecMaxEnt = f.fecha("FecMaxEnt", p.getFecMaxEnt());
        f.oneOf("TipoIDSedeProv", p.getTipoIDSedeProv(), FieldChecks.TIPOS_ID_PERSONA);
        f.nit("NoIDSedeProv", p.getNoIDSedeProv());
        f.text("CodSedeProv", p.getCodSedeProv(), 30);
        f.text("CodSerTecAEntregar", p.getCodSerTecAEntregar(), 30);
        BigDecimal cantidad = f.cantidad("CantTotAEntregar", p.getCantTotAEntregar(), false);
        if (p.getID() == null) return;

        if (direccionamiento == null) {
            problems.add("ID", "el direccionamiento " + p.getID() + " no existe.");
            return;
        }
        switch (direccionamiento.getEstDireccionamiento()) {
            case Estado.ANULADO -> problems.add("ID", "el direccionamiento " + p.getID() + " está anulado.");
            case Estado.PROCESADO -> problems.alreadyDone("ID",
                    "Para el ID " + p.getID() + " ya existe una programación activa.");
            default -> { }
        }
        LocalDate dirigida = MipresTime.parseFecha(direccionamiento.getFecMaxEnt().substring(0, 10)).orElseThrow();
        if (fecMaxEnt != null && fecMaxEnt.isAfter(dirigida)) {
            problems.add("FecMaxEnt", "no puede ser posterior a la del direccionamiento (" + dirigida + ").");
        }
        BigDecimal dirigido = FieldChecks.parseCantidad(direccionamiento.getCantTotAEntregar());
        if (cantidad != null && cantidad.compareTo(dirigido) > 0) {
            problems.add("CantTotAEntregar", "no puede superar la cantidad direccionada ("
                    + direccionamiento.getCantTotAEntregar() + ").");
        }
    }
}
