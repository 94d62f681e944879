package co.mipresgateway.client;

import static co.mipresgateway.client.GatewayProcess.EPS;
import static co.mipresgateway.client.GatewayProcess.EPS_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.contract.ConsultaXPrescripcion;
import co.mipresgateway.client.contract.GenerarToken;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.soap.Fallo;
import co.mipresgateway.client.soap.SuministroPort;
import co.mipresgateway.client.soap.SuministroService;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.ws.commons.schema.XmlSchemaCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stubs generated in this module from wsdl/suministro.wsdl, through the factory, against the real gateway. */
class SuministroSoapIT {

    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    /**
     * A client built from the served ?wsdl alone (as SoapUI or .NET's importer do it), not from the file this
     * module generated its stubs from: the WSDL and the schema it imports must both come from the server.
     */
    @Test
    void aClientBuiltFromTheServedWsdlReadsItsImportedSchemaAndCalls() throws Exception {
        URL served = URI.create(gateway.base() + SuministroSoap.SOAP_PATH + "?wsdl").toURL();
        SuministroPort port = new SuministroService(served).getSuministroPort();

        Client client = ClientProxy.getClient(port);
        XmlSchemaCollection schemas = client.getEndpoint().getService().getServiceInfos().get(0)
                .getXmlSchemaCollection().getXmlSchemaCollection();
        String contract = "urn:mipres-gateway:suministro:v1";
        for (String element : new String[] {"Credenciales", "GenerarToken", "ReporteEntrega", "Fallo"}) {
            assertTrue(schemas.getElementByQName(new QName(contract, element)) != null, element + " not in the served schema");
        }

        GenerarToken generar = new GenerarToken();
        generar.setNit(PROV1);
        generar.setTokenPrincipal(PROV1_TOKEN);
        assertEquals(44, port.generarToken(generar).getToken().length());
    }

    @Test
    void theFactorysPortCarriesTheCredentialsAndWalksTheChain() throws Exception {
        SuministroSoap eps = SuministroSoap.connect(gateway.base(), EPS, EPS_TOKEN, Duration.ofSeconds(30));
        SuministroSoap provider = SuministroSoap.connect(gateway.base(), PROV1, PROV1_TOKEN, Duration.ofSeconds(30));
        String prescripcion = TypedBodies.newPrescripcion();
        long id = eps.call(p -> p.direccionamiento(TypedBodies.direccionamiento(prescripcion, PROV1), null)).getId();
        provider.call(p -> p.programacion(TypedBodies.programacion(id, PROV1), null));
        long idEntrega = provider.call(p -> p.entrega(TypedBodies.entrega(id), null)).getIdEntrega();

        // The delivery named by its IDEntrega, as the Dispensador screen gives it.
        ReporteEntrega porIdEntrega = new ReporteEntrega();
        porIdEntrega.setIDEntrega(idEntrega);
        porIdEntrega.setEstadoEntrega(1);
        porIdEntrega.setCausaNoEntrega(0);
        porIdEntrega.setValorEntregado(new BigDecimal("9900.00"));
        long idReporte = provider.call(p -> p.reporteEntrega(porIdEntrega, null)).getIdReporteEntrega();

        ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
        consulta.setNoPrescripcion(prescripcion);
        var registros = provider.call(p -> p.reporteEntregaXPrescripcion(consulta, null)).getReporteEntregaRegistro();
        assertEquals(1, registros.size());
        assertEquals(idReporte, registros.get(0).getIDReporteEntrega());
        assertEquals(id, registros.get(0).getID());
    }

    @Test
    void aRuleFailureIsAFalloWithTheSameSpanishErrorsAsRest() {
        SuministroSoap provider = SuministroSoap.connect(gateway.base(), PROV1, PROV1_TOKEN, Duration.ofSeconds(30));
        ReporteEntrega bad = new ReporteEntrega();
        bad.setID(999_999_999L);
        bad.setEstadoEntrega(1);
        bad.setCausaNoEntrega(0);
        bad.setValorEntregado(BigDecimal.TEN);
        Fallo fallo = assertThrows(Fallo.class, () -> provider.call(p -> p.reporteEntrega(bad, null)));
        assertTrue(fallo.getFaultInfo().getErrors().stream().anyMatch(e -> e.contains("no existe")),
                fallo.getFaultInfo().getErrors().toString());
    }

    @Test
    void aRefusedSessionTokenIsACredentialFaultAndIsRenewed() throws Exception {
        SuministroSoap provider = SuministroSoap.connect(gateway.base(), PROV1, PROV1_TOKEN, Duration.ofSeconds(30));
        String before = provider.sessionToken();
        // An operator revoking sessions is what a client meets mid-run; an unknown token stands in for it.
        var port = SuministroSoap.port(gateway.base(), Duration.ofSeconds(30));
        var unknown = new co.mipresgateway.client.contract.Credenciales();
        unknown.setNit(PROV1);
        unknown.setToken("desconocido000000000000000000000000000000000=");
        ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
        consulta.setNoPrescripcion(TypedBodies.newPrescripcion());
        SOAPFaultException fault = assertThrows(SOAPFaultException.class, () -> port.entregaXPrescripcion(consulta, unknown));
        assertTrue(SuministroSoap.isCredentialFault(fault), fault.getFault().getFaultCode());

        provider.renew();
        assertNotEquals(before, provider.sessionToken());
        assertEquals(0, provider.call(p -> p.entregaXPrescripcion(consulta, null)).getEntregaRegistro().size());
    }
}
