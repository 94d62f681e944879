package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaAmbito;
import co.mipresgateway.contract.EntregaCodigos;
import co.mipresgateway.contract.NODireccionamiento;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ReporteEntrega;
import co.mipresgateway.contract.soap.Fallo;
import co.mipresgateway.contract.soap.SuministroPort;
import co.mipresgateway.rest.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity of the two faces on one running server: the same chain driven over SOAP and over REST gives records
 * equal field for field (but for the IDs, the prescription number and the time of day), every query answers the
 * same records on both faces, and every annulment behaves alike.
 */
class SoapParityIT extends GatewayContract {

    private static final ObjectMapper JSON = Json.mapper();
    private static final List<String> VARYING = List.of("ID", "IDDireccionamiento", "IDNODireccionamiento",
            "IDProgramacion", "IDEntrega", "IDReporteEntrega", "NoPrescripcion", "FecDireccionamiento",
            "FecNODireccionamiento", "FecProgramacion", "FecRepEntrega", "FecAnulacion");

    private SuministroPort soap;

    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }

    @BeforeAll
    void buildTheClient() {
        soap = SoapCalls.port(gateway);
    }

    /** The IDs of one chain, whichever face made it. */
    private record Chain(String presc, long id, long idDireccionamiento, long idProgramacion, long idEntrega,
            long idReporte, long idNO, String ambitoPresc, long idAmbito) {
    }

    @Test
    void everyTransactionGivesTheSameRecordsOverSoapAndOverRest() throws Fallo {
        Chain overRest = restChain();
        Chain overSoap = soapChain();
        compareEverywhere(overRest, overSoap);

        // Annul backwards on each face, then compare again: states, FecAnulacion and restored steps alike.
        ok(gateway.put("AnularReporteEntrega/" + PROV1 + "/" + prov1 + "/" + overRest.idReporte(), ""));
        ok(gateway.put("AnularEntrega/" + PROV1 + "/" + prov1 + "/" + overRest.idEntrega(), ""));
        ok(gateway.put("AnularProgramacion/" + PROV1 + "/" + prov1 + "/" + overRest.idProgramacion(), ""));
        ok(gateway.put("AnularDireccionamiento/" + EPS + "/" + eps + "/" + overRest.idDireccionamiento(), ""));
        ok(gateway.put("AnularNODireccionamiento/" + EPS + "/" + eps + "/" + overRest.idNO(), ""));
        AnularReporteEntrega ar = new AnularReporteEntrega();
        ar.setIdReporteEntrega(overSoap.idReporte());
        assertEquals(overSoap.id(), soap.anularReporteEntrega(ar, prov1()).getId());
        AnularEntrega ae = new AnularEntrega();
        ae.setIdEntrega(overSoap.idEntrega());
        soap.anularEntrega(ae, prov1());
        AnularProgramacion ap = new AnularProgramacion();
        ap.setIdProgramacion(overSoap.idProgramacion());
        soap.anularProgramacion(ap, prov1());
        AnularDireccionamiento ad = new AnularDireccionamiento();
        ad.setIdDireccionamiento(overSoap.idDireccionamiento());
        soap.anularDireccionamiento(ad, eps());
        AnularNODireccionamiento an = new AnularNODireccionamiento();
        an.setIdNODireccionamiento(overSoap.idNO());
        soap.anularNODireccionamiento(an, eps());
        compareEverywhere(overRest, overSoap);
    }

    private Chain restChain() {
        String presc = Bodies.newPrescripcion();
        JsonNode d = ok(gateway.put("Direccionamiento/" + EPS + "/" + eps,
                Bodies.direccionamiento(presc, PROV1, today().plusDays(10)))).json().get(0);
        long id = d.get("Id").asLong();
        long idP = programmed(id);
        long idE = delivered(id);
        ok(gateway.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(id, today())));
        long idR = reported(id);
        long idNO = ok(gateway.put("NODireccionamiento/" + EPS + "/" + eps, Bodies.noDireccionamiento(presc))).json()
                .get(0).get("IdNODireccionamiento").asLong();
        String ambito = Bodies.newPrescripcion();
        long idAmbito = ok(gateway.put("EntregaAmbito/" + PROV1 + "/" + prov1, Bodies.entregaAmbito(ambito, today())))
                .json().get(0).get("Id").asLong();
        return new Chain(presc, id, d.get("IdDireccionamiento").asLong(), idP, idE, idR, idNO, ambito, idAmbito);
    }

    private Chain soapChain() throws Fallo {
        String presc = Bodies.newPrescripcion();
        var d = soap.direccionamiento(body(Bodies.direccionamiento(presc, PROV1, today().plusDays(10)),
                Direccionamiento.class), eps());
        long id = d.getId();
        long idP = soap.programacion(body(Bodies.programacion(id, PROV1, today().plusDays(5)), Programacion.class),
                prov1()).getIdProgramacion();
        long idE = soap.entrega(body(Bodies.entrega(id, today()), Entrega.class), prov1()).getIdEntrega();
        soap.entregaCodigos(body(Bodies.entregaCodigos(id, today()), EntregaCodigos.class), prov1());
        long idR = soap.reporteEntrega(body(Bodies.reporteEntrega(id, "15000.50"), ReporteEntrega.class), prov1())
                .getIdReporteEntrega();
        long idNO = soap.noDireccionamiento(body(Bodies.noDireccionamiento(presc), NODireccionamiento.class), eps())
                .getIdNODireccionamiento();
        String ambito = Bodies.newPrescripcion();
        long idAmbito = soap.entregaAmbito(body(Bodies.entregaAmbito(ambito, today()), EntregaAmbito.class), prov1())
                .getId();
        return new Chain(presc, id, d.getIdDireccionamiento(), idP, idE, idR, idNO, ambito, idAmbito);
    }

    /** Every query of every step, on both faces, for both chains. */
    private void compareEverywhere(Chain rest, Chain soapChain) throws Fallo {
        for (String step : List.of("Direccionamiento", "NODireccionamiento", "Programacion", "Entrega", "ReporteEntrega")) {
            boolean byEps = step.equals("NODireccionamiento");
            String nit = byEps ? EPS : PROV1;
            String token = byEps ? eps : prov1;
            for (Chain chain : List.of(rest, soapChain)) {
                JsonNode restByPrescripcion = ok(gateway.get(step + "XPrescripcion/" + nit + "/" + token + "/" + chain.presc()))
                        .json();
                assertEquals(restByPrescripcion, soapQuery(step, "XPrescripcion", chain.presc(), byEps), step);
                JsonNode restByDay = ok(gateway.get(step + "XFecha/" + nit + "/" + token + "/" + today())).json();
                assertEquals(restByDay, soapQuery(step, "XFecha", null, byEps), step + "XFecha");
                JsonNode restByPatient = ok(gateway.get(step + "XPacienteFecha/" + nit + "/" + today() + "/" + token
                        + "/CC/1020304050")).json();
                assertEquals(restByPatient, soapQuery(step, "XPacienteFecha", null, byEps), step + "XPacienteFecha");
            }
            JsonNode fromRest = withoutVarying(ok(gateway.get(step + "XPrescripcion/" + nit + "/" + token + "/"
                    + rest.presc())).json());
            JsonNode fromSoap = withoutVarying(ok(gateway.get(step + "XPrescripcion/" + nit + "/" + token + "/"
                    + soapChain.presc())).json());
            assertEquals(fromRest, fromSoap, step + ": the chain made over SOAP equals the one made over REST");
        }
        JsonNode ambitoRest = withoutVarying(ok(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/"
                + rest.ambitoPresc())).json());
        JsonNode ambitoSoap = withoutVarying(ok(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/"
                + soapChain.ambitoPresc())).json());
        assertEquals(ambitoRest, ambitoSoap, "EntregaAmbito");
    }

    /** The SOAP answer of a query, written as JSON by the REST face's own mapper. */
    private JsonNode soapQuery(String step, String kind, String presc, boolean byEps) throws Fallo {
        Credenciales who = byEps ? eps() : prov1();
        ConsultaXFecha porFecha = new ConsultaXFecha();
        porFecha.setFecha(today().toString());
        ConsultaXPrescripcion porPrescripcion = new ConsultaXPrescripcion();
        porPrescripcion.setNoPrescripcion(presc);
        ConsultaXPacienteFecha porPaciente = new ConsultaXPacienteFecha();
        porPaciente.setFecha(today().toString());
        porPaciente.setTipoIDPaciente("CC");
        porPaciente.setNoIDPaciente("1020304050");
        Object list = switch (step + kind) {
            case "DireccionamientoXFecha" -> soap.direccionamientoXFecha(porFecha, who).getDireccionamientoRegistro();
            case "DireccionamientoXPrescripcion" -> soap.direccionamientoXPrescripcion(porPrescripcion, who).getDireccionamientoRegistro();
            case "DireccionamientoXPacienteFecha" -> soap.direccionamientoXPacienteFecha(porPaciente, who).getDireccionamientoRegistro();
            case "NODireccionamientoXFecha" -> soap.noDireccionamientoXFecha(porFecha, who).getNODireccionamientoRegistro();
            case "NODireccionamientoXPrescripcion" -> soap.noDireccionamientoXPrescripcion(porPrescripcion, who).getNODireccionamientoRegistro();
            case "NODireccionamientoXPacienteFecha" -> soap.noDireccionamientoXPacienteFecha(porPaciente, who).getNODireccionamientoRegistro();
            case "ProgramacionXFecha" -> soap.programacionXFecha(porFecha, who).getProgramacionRegistro();
            case "ProgramacionXPrescripcion" -> soap.programacionXPrescripcion(porPrescripcion, who).getProgramacionRegistro();
            case "ProgramacionXPacienteFecha" -> soap.programacionXPacienteFecha(porPaciente, who).getProgramacionRegistro();
            case "EntregaXFecha" -> soap.entregaXFecha(porFecha, who).getEntregaRegistro();
            case "EntregaXPrescripcion" -> soap.entregaXPrescripcion(porPrescripcion, who).getEntregaRegistro();
            case "EntregaXPacienteFecha" -> soap.entregaXPacienteFecha(porPaciente, who).getEntregaRegistro();
            case "ReporteEntregaXFecha" -> soap.reporteEntregaXFecha(porFecha, who).getReporteEntregaRegistro();
            case "ReporteEntregaXPrescripcion" -> soap.reporteEntregaXPrescripcion(porPrescripcion, who).getReporteEntregaRegistro();
            case "ReporteEntregaXPacienteFecha" -> soap.reporteEntregaXPacienteFecha(porPaciente, who).getReporteEntregaRegistro();
            default -> throw new IllegalArgumentException(step + kind);
        };
        try {
            // Written as the REST face writes, read back as the REST answers are read: numbers compare alike.
            return new ObjectMapper().readTree(JSON.writeValueAsString(list));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutVarying(JsonNode records) {
        ArrayNode copy = records.deepCopy();
        copy.forEach(record -> VARYING.forEach(field -> {
            if (record.hasNonNull(field)) ((ObjectNode) record).put(field, "*");
        }));
        return copy;
    }

    private static <T> T body(Map<String, Object> fields, Class<T> type) {
        return JSON.convertValue(fields, type);
    }

    private Credenciales prov1() {
        return SoapCalls.credenciales(PROV1, prov1);
    }

    private Credenciales eps() {
        return SoapCalls.credenciales(EPS, eps);
    }
}
