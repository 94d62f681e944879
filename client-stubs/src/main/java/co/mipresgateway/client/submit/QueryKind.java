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

/** What {@code consultar} reads: the three queries of one kind of record. */
enum QueryKind {
    DIRECCIONAMIENTOS(DireccionamientoRegistro.class, SuministroClient::direccionamientoXFecha,
            SuministroClient::direccionamientoXPrescripcion, SuministroClient::direccionamientoXPacienteFecha),
    NODIRECCIONAMIENTOS(NODireccionamientoRegistro.class, SuministroClient::noDireccionamientoXFecha,
            SuministroClient::noDireccionamientoXPrescripcion, SuministroClient::noDireccionamientoXPacienteFecha),
    PROGRAMACIONES(ProgramacionRegistro.class, SuministroClient::programacionXFecha,
            SuministroClient::programacionXPrescripcion, SuministroClient::programacionXPacienteFecha),
    ENTREGAS(EntregaRegistro.class, SuministroClient::entregaXFecha,
            SuministroClient::entregaXPrescripcion, SuministroClient::entregaXPacienteFecha),
    REPORTES(ReporteEntregaRegistro.class, SuministroClient::reporteEntregaXFecha,
            SuministroClient::reporteEntregaXPrescripcion, SuministroClient::reporteEntregaXPacienteFecha);

    /** The ministry's XPacienteFecha query: a patient's records of one day. */
    interface PacienteFecha {
        List<?> query(SuministroClient client, LocalDate fecha, String tipoDoc, String numDoc);
    }

    /** The record's type: its fields, in the ministry's order, are the columns of the file written. */
    final Class<?> recordType;
    private final BiFunction<SuministroClient, LocalDate, List<?>> xFecha;
    private final BiFunction<SuministroClient, String, List<?>> xPrescripcion;
    private final PacienteFecha xPacienteFecha;

    QueryKind(Class<?> recordType, BiFunction<SuministroClient, LocalDate, List<?>> xFecha,
            BiFunction<SuministroClient, String, List<?>> xPrescripcion, PacienteFecha xPacienteFecha) {
        this.recordType = recordType;
        this.xFecha = xFecha;
        this.xPrescripcion = xPrescripcion;
        this.xPacienteFecha = xPacienteFecha;
    }

    List<?> xFecha(SuministroClient client, LocalDate fecha) {
        return xFecha.apply(client, fecha);
    }

    List<?> xPrescripcion(SuministroClient client, String noPrescripcion) {
        return xPrescripcion.apply(client, noPrescripcion);
    }

    List<?> xPacienteFecha(SuministroClient client, LocalDate fecha, String tipoDoc, String numDoc) {
        return xPacienteFecha.query(client, fecha, tipoDoc, numDoc);
    }
}
