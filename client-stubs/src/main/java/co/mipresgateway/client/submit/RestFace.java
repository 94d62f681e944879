package co.mipresgateway.client.submit;

import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.contract.ReporteEntrega;
import java.util.List;

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
    public List<?> records(SubmissionKind kind, String noPrescripcion) {
        return switch (kind) {
            case PROGRAMACIONES -> client.programacionXPrescripcion(noPrescripcion);
            case ENTREGAS -> client.entregaXPrescripcion(noPrescripcion);
            case REPORTES -> client.reporteEntregaXPrescripcion(noPrescripcion);
        };
    }
}
