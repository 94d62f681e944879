package co.mipresgateway.client.submit;

import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.DireccionamientoRegistro;
import co.mipresgateway.client.contract.EntregaRegistro;
import co.mipresgateway.client.contract.NODireccionamientoRegistro;
import co.mipresgateway.client.contract.ProgramacionRegistro;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/** What {@code consultar} reads: the XFecha query of one kind of record. */
enum QueryKind {
    DIRECCIONAMIENTOS(DireccionamientoRegistro.class, SuministroClient::direccionamientoXFecha),
    NODIRECCIONAMIENTOS(NODireccionamientoRegistro.class, SuministroClient::noDireccionamientoXFecha),
    PROGRAMACIONES(ProgramacionRegistro.class, SuministroClient::programacionXFecha),
    ENTREGAS(EntregaRegistro.class, SuministroClient::entregaXFecha),
    REPORTES(ReporteEntregaRegistro.class, SuministroClient::reporteEntregaXFecha);

    /** The record's type: its fields, in the ministry's order, are the columns of the file written. */
    final Class<?> recordType;
    private final BiFunction<SuministroClient, LocalDate, List<?>> xFecha;

    QueryKind(Class<?> recordType, BiFunction<SuministroClient, LocalDate, List<?>> xFecha) {
        this.recordType = recordType;
        this.xFecha = xFecha;
    }

    List<?> xFecha(SuministroClient client, LocalDate fecha) {
        return xFecha.apply(client, fecha);
    }
}
