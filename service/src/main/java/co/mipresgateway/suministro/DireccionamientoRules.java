package co.mipresgateway.suministro;

import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.NODireccionamiento;
import java.time.LocalDate;

/** What an EPS must send to direct a technology, or to record why it does not. */
final class DireccionamientoRules {

    private DireccionamientoRules() {
    }

    static void check(Direccionamiento d, LocalDate today, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        f.noPrescripcion("NoPrescripcion", d.getNoPrescripcion());
        f.oneOf("TipoTec", d.getTipoTec(), FieldChecks.TIPOS_TEC);
        f.atLeast("ConTec", d.getConTec(), 1);
        f.oneOf("TipoIDPaciente", d.getTipoIDPaciente(), FieldChecks.TIPOS_ID_PACIENTE);
        f.documento("NoIDPaciente", d.getNoIDPaciente());
        f.atLeast("NoEntrega", d.getNoEntrega(), 1);
        f.atLeast("NoSubEntrega", d.getNoSubEntrega(), 0);
        f.oneOf("TipoIDProv", d.getTipoIDProv(), FieldChecks.TIPOS_ID_PERSONA);
        f.nit("NoIDProv", d.getNoIDProv());
        f.codigoDane("CodMunEnt", d.getCodMunEnt());
        LocalDate fecMaxEnt = f.fecha("FecMaxEnt", d.getFecMaxEnt());
        if (fecMaxEnt != null && fecMaxEnt.isBefore(today)) {
            problems.add("FecMaxEnt", "no puede ser anterior a la fecha actual (" + today + ").");
        }
        f.cantidad("CantTotAEntregar", d.getCantTotAEntregar(), false);
        f.text("DirPaciente", d.getDirPaciente(), 300);
        f.text("CodSerTecAEntregar", d.getCodSerTecAEntregar(), 30);
    }

    static void check(NODireccionamiento n, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        f.noPrescripcion("NoPrescripcion", n.getNoPrescripcion());
        f.oneOf("TipoTec", n.getTipoTec(), FieldChecks.TIPOS_TEC);
        f.atLeast("ConTec", n.getConTec(), 1);
        f.oneOf("TipoIDPaciente", n.getTipoIDPaciente(), FieldChecks.TIPOS_ID_PACIENTE);
        f.documento("NoIDPaciente", n.getNoIDPaciente());
        f.optionalNoPrescripcion("NoPrescripcionAsociada", n.getNoPrescripcionAsociada());
        if (n.getConTecAsociada() != null) f.atLeast("ConTecAsociada", n.getConTecAsociada(), 1);
        f.causaNoEntrega("CausaNoEntrega", n.getCausaNoEntrega());
    }

    /** The key under which only one active direccionamiento may exist. */
    static String claveActiva(Direccionamiento d) {
        return String.join("|", d.getNoPrescripcion(), d.getTipoTec(), String.valueOf(d.getConTec()),
                String.valueOf(d.getNoEntrega()), String.valueOf(d.getNoSubEntrega()));
    }

    static String claveActiva(NODireccionamiento n) {
        return String.join("|", n.getNoPrescripcion(), n.getTipoTec(), String.valueOf(n.getConTec()));
    }
}
