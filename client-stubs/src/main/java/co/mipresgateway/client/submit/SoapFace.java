package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresException;
import co.mipresgateway.client.MipresTransportException;
import co.mipresgateway.client.MipresValidationException;
import co.mipresgateway.client.SuministroSoap;
import co.mipresgateway.client.contract.ConsultaXPrescripcion;
import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.soap.Fallo;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.util.List;

/** Rows sent through the generated SOAP port; its faults become the same typed exceptions as REST's answers. */
final class SoapFace implements Face {

    private final SuministroSoap soap;

    SoapFace(SuministroSoap soap) {
        this.soap = soap;
    }

    @Override
    public long send(SubmissionKind kind, Object body) {
        return translated(() -> switch (kind) {
            case PROGRAMACIONES -> soap.call(p -> p.programacion((Programacion) body, null)).getIdProgramacion();
            case ENTREGAS -> soap.call(p -> p.entrega((Entrega) body, null)).getIdEntrega();
            case REPORTES -> soap.call(p -> p.reporteEntrega((ReporteEntrega) body, null)).getIdReporteEntrega();
        });
    }

    @Override
    public List<?> records(SubmissionKind kind, String noPrescripcion) {
        ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
        consulta.setNoPrescripcion(noPrescripcion);
        return translated(() -> switch (kind) {
            case PROGRAMACIONES -> soap.call(p -> p.programacionXPrescripcion(consulta, null)).getProgramacionRegistro();
            case ENTREGAS -> soap.call(p -> p.entregaXPrescripcion(consulta, null)).getEntregaRegistro();
            case REPORTES -> soap.call(p -> p.reporteEntregaXPrescripcion(consulta, null)).getReporteEntregaRegistro();
        });
    }

    private interface SoapWork<T> {
        T run() throws Fallo;
    }

    private static <T> T translated(SoapWork<T> work) {
        try {
            return work.run();
        } catch (Fallo fallo) {
            var detail = fallo.getFaultInfo();
            throw new MipresValidationException(422, detail == null ? fallo.getMessage() : detail.getMessage(),
                    detail == null ? java.util.List.of() : detail.getErrors());
        } catch (SOAPFaultException fault) {
            int status = SuministroSoap.isCredentialFault(fault) ? 401 : SuministroSoap.isClientFault(fault) ? 400 : 500;
            throw new MipresException(status, fault.getMessage());
        } catch (WebServiceException failure) {
            boolean notSent = causedBy(failure, ConnectException.class);
            throw new MipresTransportException("SOAP: " + failure.getMessage(), failure, !notSent);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }
}
