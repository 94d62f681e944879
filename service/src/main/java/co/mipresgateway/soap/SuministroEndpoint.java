package co.mipresgateway.soap;

import co.mipresgateway.auth.AuthFailure;
import co.mipresgateway.auth.Authenticator;
import co.mipresgateway.contract.AnularDireccionamiento;
import co.mipresgateway.contract.AnularEntrega;
import co.mipresgateway.contract.AnularNODireccionamiento;
import co.mipresgateway.contract.AnularProgramacion;
import co.mipresgateway.contract.AnularReporteEntrega;
import co.mipresgateway.contract.ConsultaXFecha;
import co.mipresgateway.contract.ConsultaXPacienteFecha;
import co.mipresgateway.contract.ConsultaXPrescripcion;
import co.mipresgateway.contract.Credenciales;
import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.DireccionamientoCreado;
import co.mipresgateway.contract.DireccionamientoRegistros;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaAmbito;
import co.mipresgateway.contract.EntregaCodigos;
import co.mipresgateway.contract.EntregaCreada;
import co.mipresgateway.contract.EntregaRegistros;
import co.mipresgateway.contract.GenerarToken;
import co.mipresgateway.contract.GenerarTokenRespuesta;
import co.mipresgateway.contract.NODireccionamiento;
import co.mipresgateway.contract.NODireccionamientoCreado;
import co.mipresgateway.contract.NODireccionamientoRegistros;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ProgramacionCreada;
import co.mipresgateway.contract.ProgramacionRegistros;
import co.mipresgateway.contract.ReporteEntrega;
import co.mipresgateway.contract.ReporteEntregaCreado;
import co.mipresgateway.contract.ReporteEntregaRegistros;
import co.mipresgateway.contract.soap.Fallo;
import co.mipresgateway.contract.soap.SuministroPort;
import co.mipresgateway.suministro.SuministroQueries;
import co.mipresgateway.suministro.SuministroQueries.Consulta;
import co.mipresgateway.suministro.SuministroService;
import jakarta.jws.WebService;

/**
 * The SOAP face: the port generated from wsdl/suministro.wsdl, each operation one call of the same
 * {@link SuministroService} the REST face calls. Nothing here decides; it only translates.
 */
@WebService(endpointInterface = "co.mipresgateway.contract.soap.SuministroPort",
        targetNamespace = "urn:mipres-gateway:suministro:wsdl:v1", serviceName = "SuministroService",
        portName = "SuministroPort", wsdlLocation = "classpath:wsdl/suministro.wsdl")
public class SuministroEndpoint implements SuministroPort {

    private final Authenticator authenticator;
    private final SuministroService service;
    private final SuministroQueries queries;
    private final SoapFaults faults;

    public SuministroEndpoint(Authenticator authenticator, SuministroService service) {
        this.authenticator = authenticator;
        this.service = service;
        this.queries = service.queries();
        this.faults = new SoapFaults(authenticator);
    }

    @Override
    public GenerarTokenRespuesta generarToken(GenerarToken body) throws Fallo {
        try {
            GenerarTokenRespuesta respuesta = new GenerarTokenRespuesta();
            respuesta.setToken(authenticator.generarToken(body.getNit(), body.getTokenPrincipal()));
            return respuesta;
        } catch (AuthFailure failure) {
            throw SoapFaults.credentials(failure);
        }
    }

    @Override
    public DireccionamientoCreado direccionamiento(Direccionamiento body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.direccionamiento(caller, body));
    }

    @Override
    public NODireccionamientoCreado noDireccionamiento(NODireccionamiento body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.noDireccionamiento(caller, body));
    }

    @Override
    public ProgramacionCreada programacion(Programacion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.programacion(caller, body));
    }

    @Override
    public EntregaCreada entrega(Entrega body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.entrega(caller, body));
    }

    @Override
    public EntregaCreada entregaAmbito(EntregaAmbito body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.entregaAmbito(caller, body));
    }

    @Override
    public EntregaCreada entregaCodigos(EntregaCodigos body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.entregaCodigos(caller, body));
    }

    @Override
    public ReporteEntregaCreado reporteEntrega(ReporteEntrega body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.reporteEntrega(caller, body));
    }

    @Override
    public DireccionamientoCreado anularDireccionamiento(AnularDireccionamiento body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.anularDireccionamiento(caller, body.getIdDireccionamiento()));
    }

    @Override
    public DireccionamientoRegistros direccionamientoXFecha(ConsultaXFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.direccionamientos(queries.direccionamientos(caller, Consulta.porFecha(body.getFecha()))));
    }

    @Override
    public DireccionamientoRegistros direccionamientoXPrescripcion(ConsultaXPrescripcion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.direccionamientos(queries.direccionamientos(caller,
                        Consulta.porPrescripcion(body.getNoPrescripcion()))));
    }

    @Override
    public DireccionamientoRegistros direccionamientoXPacienteFecha(ConsultaXPacienteFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.direccionamientos(queries.direccionamientos(caller,
                        Consulta.porPacienteFecha(body.getFecha(), body.getTipoIDPaciente(), body.getNoIDPaciente()))));
    }

    @Override
    public NODireccionamientoCreado anularNODireccionamiento(AnularNODireccionamiento body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.anularNODireccionamiento(caller, body.getIdNODireccionamiento()));
    }

    @Override
    public NODireccionamientoRegistros noDireccionamientoXFecha(ConsultaXFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.noDireccionamientos(queries.noDireccionamientos(caller,
                        Consulta.porFecha(body.getFecha()))));
    }

    @Override
    public NODireccionamientoRegistros noDireccionamientoXPrescripcion(ConsultaXPrescripcion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.noDireccionamientos(queries.noDireccionamientos(caller,
                        Consulta.porPrescripcion(body.getNoPrescripcion()))));
    }

    @Override
    public NODireccionamientoRegistros noDireccionamientoXPacienteFecha(ConsultaXPacienteFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.noDireccionamientos(queries.noDireccionamientos(caller,
                        Consulta.porPacienteFecha(body.getFecha(), body.getTipoIDPaciente(), body.getNoIDPaciente()))));
    }

    @Override
    public ProgramacionCreada anularProgramacion(AnularProgramacion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.anularProgramacion(caller, body.getIdProgramacion()));
    }

    @Override
    public ProgramacionRegistros programacionXFecha(ConsultaXFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.programaciones(queries.programaciones(caller, Consulta.porFecha(body.getFecha()))));
    }

    @Override
    public ProgramacionRegistros programacionXPrescripcion(ConsultaXPrescripcion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.programaciones(queries.programaciones(caller,
                        Consulta.porPrescripcion(body.getNoPrescripcion()))));
    }

    @Override
    public ProgramacionRegistros programacionXPacienteFecha(ConsultaXPacienteFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.programaciones(queries.programaciones(caller,
                        Consulta.porPacienteFecha(body.getFecha(), body.getTipoIDPaciente(), body.getNoIDPaciente()))));
    }

    @Override
    public EntregaCreada anularEntrega(AnularEntrega body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.anularEntrega(caller, body.getIdEntrega()));
    }

    @Override
    public EntregaRegistros entregaXFecha(ConsultaXFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.entregas(queries.entregas(caller, Consulta.porFecha(body.getFecha()))));
    }

    @Override
    public EntregaRegistros entregaXPrescripcion(ConsultaXPrescripcion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.entregas(queries.entregas(caller, Consulta.porPrescripcion(body.getNoPrescripcion()))));
    }

    @Override
    public EntregaRegistros entregaXPacienteFecha(ConsultaXPacienteFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.entregas(queries.entregas(caller,
                        Consulta.porPacienteFecha(body.getFecha(), body.getTipoIDPaciente(), body.getNoIDPaciente()))));
    }

    @Override
    public ReporteEntregaCreado anularReporteEntrega(AnularReporteEntrega body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller -> service.anularReporteEntrega(caller, body.getIdReporteEntrega()));
    }

    @Override
    public ReporteEntregaRegistros reporteEntregaXFecha(ConsultaXFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.reportesEntrega(queries.reportesEntrega(caller, Consulta.porFecha(body.getFecha()))));
    }

    @Override
    public ReporteEntregaRegistros reporteEntregaXPrescripcion(ConsultaXPrescripcion body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.reportesEntrega(queries.reportesEntrega(caller,
                        Consulta.porPrescripcion(body.getNoPrescripcion()))));
    }

    @Override
    public ReporteEntregaRegistros reporteEntregaXPacienteFecha(ConsultaXPacienteFecha body, Credenciales credenciales) throws Fallo {
        return faults.call(credenciales, caller ->
                StreamedRegistros.reportesEntrega(queries.reportesEntrega(caller,
                        Consulta.porPacienteFecha(body.getFecha(), body.getTipoIDPaciente(), body.getNoIDPaciente()))));
    }
}
