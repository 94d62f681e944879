package co.mipresgateway.suministro;

import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.ReporteEntrega;
import java.util.function.Supplier;

/** A provider reports a delivery it registered, with the value delivered. */
final class ReporteEntregaRules {

    private ReporteEntregaRules() {
    }

    static void checkFields(ReporteEntrega r, Problems problems) {
        FieldChecks f = new FieldChecks(problems);
        if (r.getID() == null && r.getIDEntrega() == null) {
            problems.add("ID", "es obligatorio (o IDEntrega, el número de la entrega).");
        }
        f.zeroOrOne("EstadoEntrega", r.getEstadoEntrega());
        if (r.getEstadoEntrega() != null && r.getEstadoEntrega() == 1) {
            Integer causa = r.getCausaNoEntrega();
            if (causa != null && causa != 0) problems.add("CausaNoEntrega", "debe ser 0 cuando se entregó.");
        } else if (r.getEstadoEntrega() != null && r.getEstadoEntrega() == 0) {
            f.causaNoEntrega("CausaNoEntrega", r.getCausaNoEntrega());
        }
        f.valor("ValorEntregado", r.getValorEntregado());
    }

    /**
     * @param entrega the caller's delivery named by the body that is not annulled, or null
     * @param whyNone where the chain (or the delivery named) stands for the caller, asked only when there is no such delivery
     */
    static void checkAgainst(ReporteEntrega r, EntregaRegistro entrega, Supplier<String> whyNone, Problems problems) {
        String nombre = r.getID() != null ? "el ID " + r.getID() : "la entrega " + r.getIDEntrega();
        String campo = r.getID() != null ? "ID" : "IDEntrega";
        if (entrega == null) {
            problems.add(campo, "no existe una entrega activa para " + nombre + ": " + whyNone.get() + ".");
            return;
        }
        if (r.getID() != null && r.getIDEntrega() != null && entrega.getIDEntrega() != r.getIDEntrega()) {
            problems.add("IDEntrega", "la entrega " + r.getIDEntrega() + " no corresponde al ID " + r.getID() + ".");
        }
        if (entrega.getEstEntrega() == Estado.PROCESADO) {
            problems.alreadyDone(campo, "Para " + nombre + " ya existe un reporte de entrega activo.");
        }
    }
}
