package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.mipresgateway.contract.ConsultaXPrescripcion;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.soap.Fallo;
import co.mipresgateway.contract.soap.SuministroPort;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A query's answer is read a page at a time while it is written (three records a page here, a thousand by
 * default), over REST and over SOAP: every record comes once, in the order of its own ID, whether the last page is full, partial or empty.
 */
abstract class QueryPagesContract extends GatewayContract {

    static final String THREE_A_PAGE = "3";

    private SuministroPort soap;

    /** The database's settings with pages of three records. */
    protected static Map<String, String> withSmallPages(Map<String, String> database) {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("mipres.query.page.size", THREE_A_PAGE);
        return settings;
    }

    @Test
    void everyRecordComesOnceInIdOrderWhateverTheLastPage() throws Fallo {
        for (int technologies : new int[] {2, 3, 6, 7}) {
            String presc = Bodies.newPrescripcion();
            List<Long> directed = new ArrayList<>();
            for (int conTec = 1; conTec <= technologies; conTec++) {
                Map<String, Object> d = Bodies.direccionamiento(presc, PROV1, today().plusDays(10));
                d.put("ConTec", conTec);
                directed.add(ok(gateway.put("Direccionamiento/" + EPS + "/" + eps, d)).json().get(0).get("IdDireccionamiento").asLong());
            }
            assertEquals(directed, ids("DireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc, "IDDireccionamiento"),
                    technologies + " technologies");
            assertEquals(directed, ids("DireccionamientoXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc, "IDDireccionamiento"),
                    technologies + " technologies, seen by the provider");
            ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
            consulta.setNoPrescripcion(presc);
            assertEquals(directed, soap().direccionamientoXPrescripcion(consulta, SoapCalls.credenciales(EPS, eps))
                    .getDireccionamientoRegistro().stream().map(DireccionamientoRegistro::getIDDireccionamiento).toList(),
                    technologies + " technologies, over SOAP");
        }
    }

    @Test
    void deliveriesOnLaterPagesCarryTheirCodes() throws Fallo {
        String presc = Bodies.newPrescripcion();
        List<Long> entregas = new ArrayList<>();
        for (int conTec = 1; conTec <= 5; conTec++) {
            Map<String, Object> d = Bodies.direccionamiento(presc, PROV1, today().plusDays(10));
            d.put("ConTec", conTec);
            long id = ok(gateway.put("Direccionamiento/" + EPS + "/" + eps, d)).json().get(0).get("Id").asLong();
            programmed(id);
            entregas.add(delivered(id));
            if (conTec == 5) ok(gateway.put("EntregaCodigos/" + PROV1 + "/" + prov1, Bodies.entregaCodigos(id, today())));
        }
        JsonNode records = ok(gateway.get("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)).json();
        assertEquals(entregas, idsOf(records, "IDEntrega"));
        assertEquals(1, records.get(4).get("CodigosEntrega").size(), records.get(4).toString());
        assertEquals(true, records.get(3).get("CodigosEntrega").isNull(), records.get(3).toString());
        assertEquals(entregas, ids("EntregaXFecha/" + PROV1 + "/" + prov1 + "/" + today(), "IDEntrega").stream()
                .filter(entregas::contains).toList());
        ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
        consulta.setNoPrescripcion(presc);
        List<EntregaRegistro> overSoap = soap().entregaXPrescripcion(consulta, SoapCalls.credenciales(PROV1, prov1))
                .getEntregaRegistro();
        assertEquals(entregas, overSoap.stream().map(EntregaRegistro::getIDEntrega).toList());
        assertEquals(1, overSoap.get(4).getCodigosEntrega().size());
    }

    private SuministroPort soap() {
        if (soap == null) soap = SoapCalls.port(gateway);
        return soap;
    }

    private List<Long> ids(String query, String field) {
        return idsOf(ok(gateway.get(query)).json(), field);
    }

    private static List<Long> idsOf(JsonNode records, String field) {
        List<Long> ids = new ArrayList<>();
        records.forEach(r -> ids.add(r.get(field).asLong()));
        return ids;
    }
}
