package co.mipresgateway.suministro;

import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.store.Stores;
import org.jdbi.v3.core.Handle;

/**
 * Where a chain stands for the calling provider, told when a step finds no active step before it. "No existe una
 * programación activa para el ID" left the sender to find out by hand whether the ID was never programmed, had its
 * programación annulled, or was not its own. Only the caller's records are read, so nothing of another's is told; read
 * only on that refusal, in its transaction.
 */
final class ChainStanding {

    private final Stores stores;

    ChainStanding(Stores stores) {
        this.stores = stores;
    }

    /** Why chain ID {@code id} has no active programación of this provider. */
    String whyNoActiveProgramacion(Handle h, String providerNit, long id) {
        DireccionamientoRegistro d = stores.direccionamientos().ofProvider(h, providerNit, id).orElse(null);
        if (d == null) return "ningún direccionamiento de ese ID es para este proveedor";
        if (d.getEstDireccionamiento() == Estado.ANULADO) {
            return "su direccionamiento (IdDireccionamiento " + d.getIDDireccionamiento() + ") está anulado";
        }
        return stores.programaciones().lastOfChain(h, providerNit, id, d.getNoPrescripcion())
                .map(annulled -> "su programación " + annulled + " fue anulada; prográmelo de nuevo")
                .orElse("está direccionado a este proveedor (IdDireccionamiento " + d.getIDDireccionamiento()
                        + "), pero aún no programado; registre primero la Programacion");
    }

    /** Why chain ID {@code id} has no active delivery of this provider. */
    String whyNoActiveEntrega(Handle h, String providerNit, long id) {
        ProgramacionRegistro p = stores.programaciones().liveOfChain(h, providerNit, id).orElse(null);
        if (p == null) return whyNoActiveProgramacion(h, providerNit, id);
        return stores.entregas().lastOfChain(h, providerNit, id, p.getNoPrescripcion())
                .map(annulled -> "su entrega " + annulled + " fue anulada; regístrela de nuevo")
                .orElse("está programado (IdProgramacion " + p.getIDProgramacion() + "), pero aún no entregado;"
                        + " registre primero la Entrega");
    }

    /** Why delivery {@code idEntrega} is not an active one of this provider: annulled, or none of its own. */
    String ofEntrega(Handle h, String providerNit, long idEntrega) {
        return stores.entregas().own(h, providerNit, idEntrega).isPresent() ? "está anulada" : "no es una entrega de este proveedor";
    }
}
