package co.mipresgateway.rest;

import co.mipresgateway.auth.AuthFailure;
import co.mipresgateway.auth.Authenticator;
import co.mipresgateway.auth.Caller;
import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.DireccionamientoCreado;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaAmbito;
import co.mipresgateway.contract.EntregaCodigos;
import co.mipresgateway.contract.EntregaCreada;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.NODireccionamiento;
import co.mipresgateway.contract.NODireccionamientoCreado;
import co.mipresgateway.contract.NODireccionamientoRegistro;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ProgramacionCreada;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.contract.ReporteEntrega;
import co.mipresgateway.contract.ReporteEntregaCreado;
import co.mipresgateway.contract.ReporteEntregaRegistro;
import co.mipresgateway.suministro.Problems;
import co.mipresgateway.suministro.Records;
import co.mipresgateway.suministro.SuministroQueries;
import co.mipresgateway.suministro.SuministroQueries.Consulta;
import co.mipresgateway.suministro.SuministroService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The ministry's REST paths under /WSSUMMIPRESNOPBS/api/, byte for byte, so an integrator changes only the
 * host. This face only translates: who is calling (from {nit}/{token}), the body, and the answer; every rule
 * lives in {@link SuministroService}. Creating PUTs answer a one-element array, queries an array of records.
 */
@Path("/")
@Produces(Json.UTF_8)
public class SuministroResource {

    /** The other JSON type the ministry's service (ASP.NET Web API) reads bodies in; some .NET clients send it. */
    static final String TEXT_JSON = "text/json";

    private final Authenticator authenticator;
    private final SuministroService service;
    private final SuministroQueries queries;

    public SuministroResource(Authenticator authenticator, SuministroService service) {
        this.authenticator = authenticator;
        this.service = service;
        this.queries = service.queries();
    }

    // 1 ---------------------------------------------------------------------------------------------------

    /** The session token, as a JSON string. */
    @GET
    @Path("GenerarToken/{nit}/{token}")
    public String generarToken(@PathParam("nit") String nit, @PathParam("token") String tokenPrincipal) {
        return '"' + authenticator.generarToken(nit, tokenPrincipal) + '"';
    }

    // 2 ---------------------------------------------------------------------------------------------------

    @PUT
    @Path("Direccionamiento/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<DireccionamientoCreado> direccionamiento(@PathParam("nit") String nit, @PathParam("token") String token,
            Direccionamiento body) {
        return List.of(service.direccionamiento(caller(nit, token), body));
    }

    @PUT
    @Path("AnularDireccionamiento/{nit}/{token}/{IdDireccionamiento}")
    public List<DireccionamientoCreado> anularDireccionamiento(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("IdDireccionamiento") String id) {
        return List.of(service.anularDireccionamiento(caller(nit, token), number("IdDireccionamiento", id)));
    }

    @GET
    @Path("DireccionamientoXFecha/{nit}/{token}/{fecha}")
    public Records<DireccionamientoRegistro> direccionamientoXFecha(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("fecha") String fecha) {
        return queries.direccionamientos(caller(nit, token), Consulta.porFecha(fecha));
    }

    @GET
    @Path("DireccionamientoXPrescripcion/{nit}/{token}/{noPrescripcion}")
    public Records<DireccionamientoRegistro> direccionamientoXPrescripcion(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("noPrescripcion") String noPrescripcion) {
        return queries.direccionamientos(caller(nit, token), Consulta.porPrescripcion(noPrescripcion));
    }

    @GET
    @Path("DireccionamientoXPacienteFecha/{nit}/{fecha}/{token}/{tipodoc}/{numdoc}")
    public Records<DireccionamientoRegistro> direccionamientoXPacienteFecha(@PathParam("nit") String nit,
            @PathParam("fecha") String fecha, @PathParam("token") String token, @PathParam("tipodoc") String tipoDoc,
            @PathParam("numdoc") String numDoc) {
        return queries.direccionamientos(caller(nit, token), Consulta.porPacienteFecha(fecha, tipoDoc, numDoc));
    }

    // 3 ---------------------------------------------------------------------------------------------------

    @PUT
    @Path("NODireccionamiento/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<NODireccionamientoCreado> noDireccionamiento(@PathParam("nit") String nit,
            @PathParam("token") String token, NODireccionamiento body) {
        return List.of(service.noDireccionamiento(caller(nit, token), body));
    }

    @PUT
    @Path("AnularNODireccionamiento/{nit}/{token}/{IdNODireccionamiento}")
    public List<NODireccionamientoCreado> anularNODireccionamiento(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("IdNODireccionamiento") String id) {
        return List.of(service.anularNODireccionamiento(caller(nit, token), number("IdNODireccionamiento", id)));
    }

    @GET
    @Path("NODireccionamientoXFecha/{nit}/{token}/{fecha}")
    public Records<NODireccionamientoRegistro> noDireccionamientoXFecha(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("fecha") String fecha) {
        return queries.noDireccionamientos(caller(nit, token), Consulta.porFecha(fecha));
    }

    @GET
    @Path("NODireccionamientoXPrescripcion/{nit}/{token}/{noPrescripcion}")
    public Records<NODireccionamientoRegistro> noDireccionamientoXPrescripcion(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("noPrescripcion") String noPrescripcion) {
        return queries.noDireccionamientos(caller(nit, token), Consulta.porPrescripcion(noPrescripcion));
    }

    @GET
    @Path("NODireccionamientoXPacienteFecha/{nit}/{fecha}/{token}/{tipodoc}/{numdoc}")
    public Records<NODireccionamientoRegistro> noDireccionamientoXPacienteFecha(@PathParam("nit") String nit,
            @PathParam("fecha") String fecha, @PathParam("token") String token, @PathParam("tipodoc") String tipoDoc,
            @PathParam("numdoc") String numDoc) {
        return queries.noDireccionamientos(caller(nit, token), Consulta.porPacienteFecha(fecha, tipoDoc, numDoc));
    }

    // 4 ---------------------------------------------------------------------------------------------------

    @PUT
    @Path("Programacion/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<ProgramacionCreada> programacion(@PathParam("nit") String nit, @PathParam("token") String token,
            Programacion body) {
        return List.of(service.programacion(caller(nit, token), body));
    }

    @PUT
    @Path("AnularProgramacion/{nit}/{token}/{IdProgramacion}")
    public List<ProgramacionCreada> anularProgramacion(@PathParam("nit") String nit, @PathParam("token") String token,
            @PathParam("IdProgramacion") String id) {
        return List.of(service.anularProgramacion(caller(nit, token), number("IdProgramacion", id)));
    }

    @GET
    @Path("ProgramacionXFecha/{nit}/{token}/{fecha}")
    public Records<ProgramacionRegistro> programacionXFecha(@PathParam("nit") String nit, @PathParam("token") String token,
            @PathParam("fecha") String fecha) {
        return queries.programaciones(caller(nit, token), Consulta.porFecha(fecha));
    }

    @GET
    @Path("ProgramacionXPrescripcion/{nit}/{token}/{noPrescripcion}")
    public Records<ProgramacionRegistro> programacionXPrescripcion(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("noPrescripcion") String noPrescripcion) {
        return queries.programaciones(caller(nit, token), Consulta.porPrescripcion(noPrescripcion));
    }

    @GET
    @Path("ProgramacionXPacienteFecha/{nit}/{fecha}/{token}/{tipodoc}/{numdoc}")
    public Records<ProgramacionRegistro> programacionXPacienteFecha(@PathParam("nit") String nit,
            @PathParam("fecha") String fecha, @PathParam("token") String token, @PathParam("tipodoc") String tipoDoc,
            @PathParam("numdoc") String numDoc) {
        return queries.programaciones(caller(nit, token), Consulta.porPacienteFecha(fecha, tipoDoc, numDoc));
    }

    // 5 ---------------------------------------------------------------------------------------------------

    @PUT
    @Path("Entrega/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<EntregaCreada> entrega(@PathParam("nit") String nit, @PathParam("token") String token, Entrega body) {
        return List.of(service.entrega(caller(nit, token), body));
    }

    @PUT
    @Path("EntregaAmbito/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<EntregaCreada> entregaAmbito(@PathParam("nit") String nit, @PathParam("token") String token,
            EntregaAmbito body) {
        return List.of(service.entregaAmbito(caller(nit, token), body));
    }

    @PUT
    @Path("EntregaCodigos/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<EntregaCreada> entregaCodigos(@PathParam("nit") String nit, @PathParam("token") String token,
            EntregaCodigos body) {
        return List.of(service.entregaCodigos(caller(nit, token), body));
    }

    @PUT
    @Path("AnularEntrega/{nit}/{token}/{IdEntrega}")
    public List<EntregaCreada> anularEntrega(@PathParam("nit") String nit, @PathParam("token") String token,
            @PathParam("IdEntrega") String id) {
        return List.of(service.anularEntrega(caller(nit, token), number("IdEntrega", id)));
    }

    @GET
    @Path("EntregaXFecha/{nit}/{token}/{fecha}")
    public Records<EntregaRegistro> entregaXFecha(@PathParam("nit") String nit, @PathParam("token") String token,
            @PathParam("fecha") String fecha) {
        return queries.entregas(caller(nit, token), Consulta.porFecha(fecha));
    }

    @GET
    @Path("EntregaXPrescripcion/{nit}/{token}/{noPrescripcion}")
    public Records<EntregaRegistro> entregaXPrescripcion(@PathParam("nit") String nit, @PathParam("token") String token,
            @PathParam("noPrescripcion") String noPrescripcion) {
        return queries.entregas(caller(nit, token), Consulta.porPrescripcion(noPrescripcion));
    }

    @GET
    @Path("EntregaXPacienteFecha/{nit}/{fecha}/{token}/{tipodoc}/{numdoc}")
    public Records<EntregaRegistro> entregaXPacienteFecha(@PathParam("nit") String nit, @PathParam("fecha") String fecha,
            @PathParam("token") String token, @PathParam("tipodoc") String tipoDoc, @PathParam("numdoc") String numDoc) {
        return queries.entregas(caller(nit, token), Consulta.porPacienteFecha(fecha, tipoDoc, numDoc));
    }

    // 6 ---------------------------------------------------------------------------------------------------

    @PUT
    @Path("ReporteEntrega/{nit}/{token}")
    @Consumes({MediaType.APPLICATION_JSON, TEXT_JSON})
    public List<ReporteEntregaCreado> reporteEntrega(@PathParam("nit") String nit, @PathParam("token") String token,
            ReporteEntrega body) {
        return List.of(service.reporteEntrega(caller(nit, token), body));
    }

    @PUT
    @Path("AnularReporteEntrega/{nit}/{token}/{IdReporteEntrega}")
    public List<ReporteEntregaCreado> anularReporteEntrega(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("IdReporteEntrega") String id) {
        return List.of(service.anularReporteEntrega(caller(nit, token), number("IdReporteEntrega", id)));
    }

    @GET
    @Path("ReporteEntregaXFecha/{nit}/{token}/{fecha}")
    public Records<ReporteEntregaRegistro> reporteEntregaXFecha(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("fecha") String fecha) {
        return queries.reportesEntrega(caller(nit, token), Consulta.porFecha(fecha));
    }

    @GET
    @Path("ReporteEntregaXPrescripcion/{nit}/{token}/{noPrescripcion}")
    public Records<ReporteEntregaRegistro> reporteEntregaXPrescripcion(@PathParam("nit") String nit,
            @PathParam("token") String token, @PathParam("noPrescripcion") String noPrescripcion) {
        return queries.reportesEntrega(caller(nit, token), Consulta.porPrescripcion(noPrescripcion));
    }

    @GET
    @Path("ReporteEntregaXPacienteFecha/{nit}/{fecha}/{token}/{tipodoc}/{numdoc}")
    public Records<ReporteEntregaRegistro> reporteEntregaXPacienteFecha(@PathParam("nit") String nit,
            @PathParam("fecha") String fecha, @PathParam("token") String token, @PathParam("tipodoc") String tipoDoc,
            @PathParam("numdoc") String numDoc) {
        return queries.reportesEntrega(caller(nit, token), Consulta.porPacienteFecha(fecha, tipoDoc, numDoc));
    }

    // -----------------------------------------------------------------------------------------------------

    private Caller caller(String nit, String token) {
        try {
            return authenticator.authenticate(nit, token);
        } catch (AuthFailure failure) {
            throw failure.tellingWhereADateGoes(token);
        }
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            Problems problems = new Problems();
            problems.add(field, "debe ser un número entero.");
            problems.throwIfAny();
            throw e;
        }
    }
}
