package co.mipresgateway.client.submit;

import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.contract.ReporteEntrega;
import java.util.Optional;

/** Rows sent with the typed REST client. */
final class RestFace implements Face {

    private final SuministroClient client;

    RestFace(SuministroClient client) {
        this.client = client;
    }

    @Override
    public long send(SubmissionKind kind, Object body) {
        return switch (kind) {
            case PROGRAMACIONES -> client.programacion((Programacion) body).getIdProgramacion();
            case ENTREGAS -> client.entrega((Entrega) body).getIdEntrega();
            case REPORTES -> client.reporteEntrega((ReporteEntrega) body).getIdReporteEntrega();
        };
    }

    @Override
    public Optional<Long> lookup(SubmissionKind kind, String noPrescripcion, long id) {
        // An annulled record (state 0) does not count: the row is to be sent again.
        return switch (kind) {
            case PROGRAMACIONES -> client.programacionXPrescripcion(noPrescripcion).stream()
                    .filter(r -> r.getID() == id && r.getEstProgramacion() != 0).map(r -> r.getIDProgramacion()).findFirst();
            case ENTREGAS -> client.entregaXPrescripcion(noPrescripcion).stream()
                    .filter(r -> r.getID() == id && r.getEstEntrega() != 0).map(r -> r.getIDEntrega()).findFirst();
            case REPORTES -> client.reporteEntregaXPrescripcion(noPrescripcion).stream()
                    .filter(r -> r.getID() == id && r.getEstRepEntrega() != 0).map(r -> r.getIDReporteEntrega()).findFirst();
        };
    }
}
