package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.contract.ConsultaXPrescripcion;
import co.mipresgateway.contract.Credenciales;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.GenerarToken;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ReporteEntrega;
import co.mipresgateway.contract.ReporteEntregaRegistro;
import co.mipresgateway.contract.soap.Fallo;
import co.mipresgateway.contract.soap.SuministroPort;
import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.GatewayServer;
import co.mipresgateway.soap.OperationRequired;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SOAP face, driven through a client built from the same WSDL, on the server the REST tests use. */
class SoapFaceIT extends GatewayContract {

    private SuministroPort soap;

    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }

    @BeforeAll
    void buildTheClient() {
        soap = SoapCalls.port(gateway);
    }

    private Credenciales prov1() {
        return SoapCalls.credenciales(PROV1, prov1);
    }

    /** How many records a direccionamiento query finds for this prescription: 0 means nothing was written. */
    private int direccionamientosOf(String presc) {
        return ok(gateway.get("DireccionamientoXPrescripcion/" + RunningGateway.EPS + "/" + eps + "/" + presc)).json().size();
    }

    @Test
    void theWsdlAndItsSchemaAreServed() {
        Answer wsdl = gateway.getAbsolute(GatewayServer.SOAP_PATH + "?wsdl");
        assertEquals(200, wsdl.status());
        assertTrue(wsdl.text().contains("SuministroPort") && wsdl.text().contains("ReporteEntrega"));
        Answer xsd = gateway.getAbsolute(GatewayServer.SOAP_PATH + "?xsd=../schemas/suministro.xsd");
        assertEquals(200, xsd.status());
        assertTrue(xsd.text().contains("ReporteEntregaRegistro"));
    }

    /** Integrators open the endpoint in a browser to see that it is up. */
    @Test
    void theEndpointOpenedInABrowserSaysToPostAndWhereTheWsdlIs() {
        Answer browser = gateway.getAbsolute(GatewayServer.SOAP_PATH);
        assertEquals(405, browser.status(), browser.text());
        assertEquals("POST", browser.header("Allow"));
        assertTrue(browser.text().contains("<faultcode>soap:Client</faultcode>") && browser.text().contains("?wsdl"),
                browser.text());
    }

    @Test
    void aChainStartedOverRestIsContinuedOverSoapAndReadsTheSameBothWays() throws Fallo {
        String presc = Bodies.newPrescripcion();
        long id = directed(presc);
        GenerarToken generar = new GenerarToken();
        generar.setNit(PROV1);
        generar.setTokenPrincipal(RunningGateway.PROV1_TOKEN);
        assertEquals(44, soap.generarToken(generar).getToken().length());

        Programacion p = new Programacion();
        p.setID(id);
        p.setFecMaxEnt(today().plusDays(3).toString());
        p.setTipoIDSedeProv("NI");
        p.setNoIDSedeProv(PROV1);
        p.setCodSedeProv("PROV008878");
        p.setCodSerTecAEntregar("19943544-1");
        p.setCantTotAEntregar("30");
        assertEquals(id, soap.programacion(p, prov1()).getId());
        Entrega e = new Entrega();
        e.setID(id);
        e.setCodSerTecEntregado("19943544-1");
        e.setCantTotEntregada("30");
        e.setEntTotal(1);
        e.setCausaNoEntrega(0);
        e.setFecEntrega(today().toString());
        e.setTipoIDRecibe("CC");
        e.setNoIDRecibe("1020304050");
        long idEntrega = soap.entrega(e, prov1()).getIdEntrega();
        ReporteEntrega r = new ReporteEntrega();
        r.setIDEntrega(idEntrega);
        r.setEstadoEntrega(1);
        r.setCausaNoEntrega(0);
        r.setValorEntregado(new BigDecimal("12500.50"));
        long idReporte = soap.reporteEntrega(r, prov1()).getIdReporteEntrega();

        ConsultaXPrescripcion consulta = new ConsultaXPrescripcion();
        consulta.setNoPrescripcion(presc);
        ReporteEntregaRegistro bySoap = soap.reporteEntregaXPrescripcion(consulta, prov1()).getReporteEntregaRegistro().get(0);
        JsonNode byRest = ok(gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)).json().get(0);
        assertEquals(idReporte, bySoap.getIDReporteEntrega());
        assertEquals(byRest.get("IDReporteEntrega").asLong(), bySoap.getIDReporteEntrega());
        assertEquals(byRest.get("FecRepEntrega").asText(), bySoap.getFecRepEntrega());
        assertEquals(0, byRest.get("ValorEntregado").decimalValue().compareTo(bySoap.getValorEntregado()));
        assertEquals(byRest.get("CodTecEntregado").asText(), bySoap.getCodTecEntregado());
    }

    @Test
    void aRefusalIsAFaultCarryingTheSameSpanishLinesAsTheRest422() {
        Answer rest = gateway.put("Programacion/" + PROV1 + "/" + prov1, "{}");
        List<String> restErrors = new ArrayList<>();
        rest.json().get("Errors").forEach(line -> restErrors.add(line.asText()));
        Fallo fault = assertThrows(Fallo.class, () -> soap.programacion(new Programacion(), prov1()));
        assertEquals(rest.json().get("Message").asText(), fault.getFaultInfo().getMessage());
        assertEquals(restErrors, fault.getFaultInfo().getErrors());
    }

    @Test
    void aRefusalIsTheClientsFaultWrittenInUtf8() {
        Answer answer = SoapCalls.post(gateway, "text/xml", SoapCalls.envelope(PROV1, prov1, "<s:Programacion/>"));
        assertEquals(500, answer.status());
        assertTrue(answer.header("Content-Type").toLowerCase().contains("utf-8"), answer.header("Content-Type"));
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode>"), answer.text());
        assertTrue(answer.text().contains("La solicitud tiene errores de validación."), answer.text());
    }

    @Test
    void badCredentialsAreAFaultOfTheirOwn() {
        Credenciales wrong = prov1();
        wrong.setToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        // Without a SAAJ implementation on the client's classpath CXF hands the fault over as the cause of a
        // WebServiceException rather than as a SOAPFaultException: read the code where it is.
        jakarta.xml.ws.WebServiceException error = assertThrows(jakarta.xml.ws.WebServiceException.class,
                () -> soap.programacion(new Programacion(), wrong));
        org.apache.cxf.binding.soap.SoapFault fault = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.apache.cxf.binding.soap.SoapFault soapFault) fault = soapFault;
        }
        assertTrue(fault != null, error.toString());
        assertEquals("Client.Credenciales", fault.getFaultCode().getLocalPart());
        assertTrue(fault.getMessage().contains("no son válidos"), fault.getMessage());
    }

    @Test
    void entityExpansionIsRefusedAndNothingIsWritten() {
        String presc = Bodies.newPrescripcion();
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"");
            for (int j = 0; j < 10; j++) entities.append("&a").append(i - 1).append(';');
            entities.append("\">");
        }
        String attack = "<?xml version=\"1.0\"?><!DOCTYPE d [" + entities + "]>"
                + SoapCalls.envelope(RunningGateway.EPS, eps, direccionamiento(presc, "&a1;", ""));
        Answer answer = SoapCalls.post(gateway, attack);
        assertEquals(500, answer.status());
        assertTrue(answer.text().contains("Fault"), answer.text());
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    /**
     * A Direccionamiento that would be recorded if nothing stopped it (an attack puts its payload in
     * DirPaciente, or adds {@code extra} inside the element).
     */
    private String direccionamiento(String presc, String dirPaciente, String extra) {
        return "<s:Direccionamiento><s:NoPrescripcion>" + presc + "</s:NoPrescripcion><s:TipoTec>M</s:TipoTec><s:ConTec>1</s:ConTec>"
                + "<s:TipoIDPaciente>CC</s:TipoIDPaciente><s:NoIDPaciente>1020304050</s:NoIDPaciente>"
                + "<s:NoEntrega>1</s:NoEntrega><s:NoSubEntrega>0</s:NoSubEntrega><s:TipoIDProv>NI</s:TipoIDProv>"
                + "<s:NoIDProv>" + PROV1 + "</s:NoIDProv><s:CodMunEnt>11001</s:CodMunEnt><s:FecMaxEnt>"
                + today().plusDays(5) + "</s:FecMaxEnt><s:CantTotAEntregar>30</s:CantTotAEntregar>"
                + "<s:DirPaciente>" + dirPaciente + "</s:DirPaciente><s:CodSerTecAEntregar>1</s:CodSerTecAEntregar>"
                + extra + "</s:Direccionamiento>";
    }

    @Test
    void xmlTheParserRefusesIsTheClientsFaultSayingWhereInSpanishAndNothingIsWritten() {
        // A NUL (an ERP's padding) written as a character reference: was a soap:Server "Error interno", logged as ours.
        String presc = Bodies.newPrescripcion();
        String log;
        Answer nul;
        try (CapturedLog captured = new CapturedLog()) {
            nul = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps, direccionamiento(presc, "Calle 10&#x0;", "")));
            log = captured.text();
        }
        assertEquals(500, nul.status());
        assertTrue(nul.text().contains("<faultcode>soap:Client</faultcode><faultstring>El XML de la solicitud no es válido ("),
                nul.text());
        assertTrue(nul.text().contains("columna"), nul.text());
        assertFalse(log.lines().anyMatch(line -> line.startsWith("ERROR")), log);
        // A tag closed that was never opened: was CXF's English "Unmarshalling Error".
        Answer unclosed = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 10</s:Calle>", "")));
        assertTrue(unclosed.text().contains("<faultcode>soap:Client</faultcode><faultstring>El XML de la solicitud no es válido ("),
                unclosed.text());
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    @Test
    void theSameBodyWithoutTheAttackIsRecorded() throws Exception {
        String presc = Bodies.newPrescripcion();
        Answer answer = SoapCalls.post(gateway,
                SoapCalls.envelope(RunningGateway.EPS, eps, direccionamiento(presc, "lollollol", "")));
        assertEquals(200, answer.status(), answer.text());
        assertEquals(1, direccionamientosOf(presc));
    }

    @Test
    void aMessageOverOneMebibyteIsRefusedWithAFaultAndNothingIsWritten() {
        String presc = Bodies.newPrescripcion();
        Answer answer = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 1", "") + "<!-- " + "x".repeat(1_100_000) + " -->"));
        assertEquals(413, answer.status());
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode>"), answer.text());
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    @Test
    void aMessageOutsideTheSchemaIsRefusedAndNothingIsWritten() {
        String presc = Bodies.newPrescripcion();
        Answer answer = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 1", "<s:CampoQueNoExiste>x</s:CampoQueNoExiste>")));
        assertEquals(500, answer.status());
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode><faultstring>El mensaje no cumple el esquema del"
                + " servicio, suministro.xsd (") && answer.text().contains("CampoQueNoExiste"), answer.text());
        // The validator's words may quote a value: told to the client who sent it, kept out of the log.
        String log;
        Answer quoted;
        try (CapturedLog captured = new CapturedLog()) {
            quoted = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                    direccionamiento(presc, "Calle 1", "").replace("<s:ConTec>1</s:ConTec>", "<s:ConTec>x1020304050x</s:ConTec>")));
            log = captured.text();
        }
        assertTrue(quoted.text().contains("El mensaje no cumple el esquema del servicio")
                && quoted.text().contains("x1020304050x"), quoted.text());
        assertFalse(log.contains("1020304050"), log);
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    /**
     * A text where a number goes (a message written by hand in SoapUI, an amount with a decimal comma) is told in
     * Spanish naming the element and the value: it was Java's "For input string: \"x\"", naming neither.
     */
    @Test
    void aTextWhereANumberGoesIsRefusedInSpanishNamingTheElement() {
        String presc = Bodies.newPrescripcion();
        Answer answer = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 1", "").replace("<s:ConTec>1</s:ConTec>", "<s:ConTec>uno</s:ConTec>")));
        assertEquals(500, answer.status());
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode><faultstring>El mensaje no cumple el esquema del"
                + " servicio, suministro.xsd (cvc-type.3.1.3: El valor 'uno' del elemento 's:ConTec' no es válido.)"),
                answer.text());
        Answer beyondAnInt = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 1", "").replace("<s:ConTec>1</s:ConTec>", "<s:ConTec>99999999999</s:ConTec>")));
        assertTrue(beyondAnInt.text().contains("(cvc-type.3.1.3: El valor '99999999999' del elemento 's:ConTec' no es válido.)"),
                beyondAnInt.text());
        // Quoted as the REST face quotes a refused value, cut at 40 characters: the validator quoted it whole.
        Answer longValue = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 1", "").replace("<s:ConTec>1</s:ConTec>", "<s:ConTec>" + "9".repeat(5_000) + "</s:ConTec>")));
        assertTrue(longValue.text().contains("(cvc-type.3.1.3: El valor '" + "9".repeat(40) + "…' del elemento 's:ConTec' no es válido.)"),
                longValue.text().substring(0, Math.min(600, longValue.text().length())));
        Answer outOfOrder = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                direccionamiento(presc, "Calle 1", "<s:CampoQueNoExiste>x</s:CampoQueNoExiste>")));
        assertTrue(outOfOrder.text().contains("Se ha encontrado contenido no válido a partir del elemento"), outOfOrder.text());
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    /**
     * A Credenciales header the schema refuses (the token left out, nit and token swapped) is a credentials fault told
     * in Spanish: it was soap:Client with CXF's "Could not validate soapheader caused by: ...", in English, so a
     * client that renews its token on soap:Client.Credenciales did not see it as one.
     */
    @Test
    void aCredencialesHeaderOutsideTheSchemaIsACredentialsFaultInSpanish() {
        String presc = Bodies.newPrescripcion();
        String body = direccionamiento(presc, "Calle 1", "");
        Answer tokenLeftOut = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps, body)
                .replaceAll("<s:token>[^<]*</s:token>", ""));
        assertEquals(500, tokenLeftOut.status());
        assertTrue(tokenLeftOut.text().contains("<faultcode>soap:Client.Credenciales</faultcode><faultstring>El encabezado"
                + " Credenciales no cumple el esquema del servicio, suministro.xsd (cvc-complex-type.2.4.b: El contenido del"
                + " elemento 's:Credenciales' no está completo."), tokenLeftOut.text());
        assertTrue(tokenLeftOut.text().contains("lleva nit y token, en ese orden"), tokenLeftOut.text());
        Answer swapped = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps, body)
                .replaceAll("(<s:nit>[^<]*</s:nit>)(<s:token>[^<]*</s:token>)", "$2$1"));
        assertTrue(swapped.text().contains("<faultcode>soap:Client.Credenciales</faultcode><faultstring>El encabezado"
                + " Credenciales no cumple el esquema del servicio, suministro.xsd (cvc-complex-type.2.4.a: Se ha encontrado"
                + " contenido no válido a partir del elemento"), swapped.text());
        assertFalse(swapped.text().contains(eps), "the token is not echoed back");
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    /**
     * A transaction without the Credenciales header, or with it in another namespace, is told so: both were "El NIT o el
     * token no son válidos", which sent the client to renew a token it had never sent.
     */
    @Test
    void aMissingCredencialesHeaderIsToldMissingNotInvalid() {
        String body = "<s:EntregaXFecha><s:fecha>" + today() + "</s:fecha></s:EntregaXFecha>";
        String withHeader = SoapCalls.envelope(PROV1, prov1, body);
        Answer left = SoapCalls.post(gateway, withHeader.replaceAll("<soapenv:Header>.*</soapenv:Header>", ""));
        assertTrue(left.text().contains("<faultcode>soap:Client.Credenciales</faultcode><faultstring>El mensaje no trae el"
                + " encabezado Credenciales: toda transacción salvo GenerarToken lleva en soap:Header"), left.text());
        Answer tempuri = SoapCalls.post(gateway, withHeader.replace("<s:Credenciales><s:nit>",
                "<Credenciales xmlns=\"http://tempuri.org/\"><nit>").replace("</s:nit><s:token>", "</nit><token>")
                .replace("</s:token></s:Credenciales>", "</token></Credenciales>"));
        assertTrue(tempuri.text().contains("<faultcode>soap:Client.Credenciales</faultcode><faultstring>El encabezado"
                + " Credenciales viene en el espacio de nombres http://tempuri.org/; el de este servicio es"
                + " urn:mipres-gateway:suministro:v1"), tempuri.text());
    }

    /** A SOAP 1.2 envelope (.NET's WSHttpBinding) was refused in CXF's English; it is told what the service takes. */
    @Test
    void aSoap12EnvelopeIsToldTheServiceSpeaksSoap11() {
        String soap12 = SoapCalls.envelope(PROV1, prov1, "<s:EntregaXFecha><s:fecha>" + today() + "</s:fecha></s:EntregaXFecha>")
                .replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope");
        Answer answer = SoapCalls.post(gateway, "application/soap+xml; charset=utf-8", soap12);
        assertTrue(answer.text().contains("<faultcode>soap:VersionMismatch</faultcode><faultstring>El mensaje es SOAP 1.2"
                + " (http://www.w3.org/2003/05/soap-envelope) y este servicio recibe SOAP 1.1"), answer.text());
        for (String notSoap : List.of("<Envelope><Body/></Envelope>", "<s:EntregaXFecha xmlns:s=\"urn:mipres-gateway:suministro:v1\">"
                + "<s:fecha>" + today() + "</s:fecha></s:EntregaXFecha>")) {
            Answer refused = SoapCalls.post(gateway, notSoap);
            assertTrue(refused.text().contains("<faultstring>El elemento raíz del mensaje no es un sobre SOAP: este servicio"
                    + " recibe SOAP 1.1"), refused.text());
        }
    }

    /**
     * A SOAPAction of no operation (a client generated against another WSDL), a PUT, or a JSON body were answered
     * "Error interno" (or the parser's English) and logged as faults of ours: each is the client's, told what to send.
     */
    @Test
    void aWrongSoapActionMethodOrJsonBodyIsTheClientsFault() {
        String envelope = SoapCalls.envelope(PROV1, prov1, "<s:EntregaXFecha><s:fecha>" + today() + "</s:fecha></s:EntregaXFecha>");
        URI soap = URI.create(gateway.base() + GatewayServer.SOAP_PATH);
        Answer action = gateway.send(HttpRequest.newBuilder(soap).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"http://tempuri.org/ISuministro/EntregaXFecha\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        assertTrue(action.text().contains("<faultcode>soap:Client</faultcode><faultstring>El encabezado SOAPAction"
                + " 'http://tempuri.org/ISuministro/EntregaXFecha' no es el de ninguna operación de este servicio"), action.text());
        Answer rightAction = gateway.send(HttpRequest.newBuilder(soap).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:mipres-gateway:suministro:EntregaXFecha\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        assertEquals(200, rightAction.status(), rightAction.text());
        Answer anotherOperation = gateway.send(HttpRequest.newBuilder(soap).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:mipres-gateway:suministro:Entrega\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        assertTrue(anotherOperation.text().contains("<faultstring>El mensaje trae el elemento {urn:mipres-gateway:suministro:v1}"
                + "EntregaXFecha pero su encabezado SOAPAction pide la operación de {urn:mipres-gateway:suministro:v1}Entrega:"
                + " envíe el SOAPAction de la transacción que manda (urn:mipres-gateway:suministro:EntregaXFecha)"),
                anotherOperation.text());
        Answer put = gateway.send(HttpRequest.newBuilder(soap).header("Content-Type", "text/xml; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(envelope)).build());
        assertEquals(405, put.status(), put.text());
        assertTrue(put.text().contains("<faultcode>soap:Client</faultcode><faultstring>El servicio SOAP recibe sus mensajes por"
                + " POST"), put.text());
        Answer json = SoapCalls.post(gateway, "application/json", "{\"fecha\":\"" + today() + "\"}");
        assertTrue(json.text().contains("<faultstring>" + "El cuerpo es JSON, no XML"), json.text());
    }

    /**
     * A WS-Security header marked mustUnderstand (added by some clients by default) was refused in CXF's English, and a
     * body of two transactions was offered the transaction it already named: each says what to change.
     */
    @Test
    void aHeaderNotUnderstoodADoctypeAndABodyOfTwoTransactionsAreToldWhatToChange() {
        String query = "<s:EntregaXFecha><s:fecha>" + today() + "</s:fecha></s:EntregaXFecha>";
        String security = SoapCalls.envelope(PROV1, prov1, query).replace("</soapenv:Header>",
                "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                        + " soapenv:mustUnderstand=\"1\"/></soapenv:Header>");
        Answer notUnderstood = SoapCalls.post(gateway, security);
        assertTrue(notUnderstood.text().contains("<faultcode>soap:MustUnderstand</faultcode><faultstring>El mensaje trae"
                + " encabezados marcados mustUnderstand=\"1\" que este servicio no procesa ([{http://docs.oasis-open.org/wss/"
                + "2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security])"), notUnderstood.text());
        Answer doctype = SoapCalls.post(gateway, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + SoapCalls.envelope(PROV1, prov1, "<s:EntregaXFecha><s:fecha>&e;</s:fecha></s:EntregaXFecha>"));
        assertTrue(doctype.text().contains("<faultcode>soap:Client</faultcode><faultstring>El XML de la solicitud trae una"
                + " declaración DOCTYPE"), doctype.text());
        assertFalse(doctype.text().contains("root:"), "no file is read");
        Answer two = SoapCalls.post(gateway, SoapCalls.envelope(PROV1, prov1, query + query));
        assertTrue(two.text().contains("<faultstring>" + OperationRequired.ONE_TRANSACTION), two.text());
    }

    @Test
    void anEmptyBodyIsTheClientsFaultNamingWhatGoesInIt() {
        // CXF found no operation to call and the answer was "Error interno", logged as a fault of ours.
        Answer answer = SoapCalls.post(gateway, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body></soap:Body></soap:Envelope>");
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode><faultstring>" + OperationRequired.MESSAGE),
                answer.text());
    }

    /** A transaction's element misspelt, or in another letter case (XML's names are case-sensitive), is offered the one meant. */
    @Test
    void aMisspeltTransactionIsOfferedTheOneMeant() {
        String noPrescripcion = "<s:NoPrescripcion>" + Bodies.newPrescripcion() + "</s:NoPrescripcion>";
        Answer lowerCase = SoapCalls.post(gateway, SoapCalls.envelope(PROV1, prov1,
                "<s:reporteEntregaXPrescripcion>" + noPrescripcion + "</s:reporteEntregaXPrescripcion>"));
        assertTrue(lowerCase.text().contains("<faultcode>soap:Client</faultcode><faultstring>El soap:Body trae el elemento"
                + " {urn:mipres-gateway:suministro:v1}reporteEntregaXPrescripcion, que no es una transacción de este servicio:"
                + " ¿quiso decir ReporteEntregaXPrescripcion? (en XML las mayúsculas cuentan"), lowerCase.text());
        Answer typo = SoapCalls.post(gateway, SoapCalls.envelope(PROV1, prov1,
                "<s:EntregaXPrescripcionn>" + noPrescripcion + "</s:EntregaXPrescripcionn>"));
        assertTrue(typo.text().contains("¿quiso decir EntregaXPrescripcion?"), typo.text());
        Answer nothingNear = SoapCalls.post(gateway, SoapCalls.envelope(PROV1, prov1, "<s:Consulta>" + noPrescripcion + "</s:Consulta>"));
        assertTrue(nothingNear.text().contains("envíe el de una (ReporteEntrega, Entrega, ...)"), nothingNear.text());
    }

    @Test
    void aTransactionInAnotherNamespaceIsTheClientsFaultNamingTheOneExpected() {
        // .NET's generated code left in its default namespace: was CXF's English "Message part ... was not recognized".
        Answer answer = SoapCalls.post(gateway, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><ReporteEntregaXPrescripcion xmlns=\"http://tempuri.org/\"><NoPrescripcion>"
                + Bodies.newPrescripcion() + "</NoPrescripcion></ReporteEntregaXPrescripcion></soap:Body></soap:Envelope>");
        assertTrue(answer.text().contains("<faultcode>soap:Client</faultcode><faultstring>El mensaje trae el elemento"
                + " {http://tempuri.org/}ReporteEntregaXPrescripcion donde se esperaba"
                + " {urn:mipres-gateway:suministro:v1}ReporteEntregaXPrescripcion: revise el espacio de nombres"), answer.text());
        // A name that is no transaction at all.
        Answer unknown = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps, "<s:Facturacion/>"));
        assertTrue(unknown.text().contains("<faultcode>soap:Client</faultcode><faultstring>El soap:Body trae el elemento"
                + " {urn:mipres-gateway:suministro:v1}Facturacion, que no es una transacción de este servicio"), unknown.text());
    }

    @Test
    void validatorsReusedAcrossMessagesStillRefuseEveryBadOneAndPassEveryGoodOne() {
        // Each server thread reuses its validator: alternate good and bad messages, more than there are threads.
        for (int i = 0; i < 40; i++) {
            String presc = Bodies.newPrescripcion();
            boolean bad = i % 2 == 1;
            Answer answer = SoapCalls.post(gateway, SoapCalls.envelope(RunningGateway.EPS, eps,
                    direccionamiento(presc, "Calle " + i, bad ? "<s:CampoQueNoExiste>x</s:CampoQueNoExiste>" : "")));
            assertEquals(bad ? 500 : 200, answer.status(), answer.text());
            assertEquals(bad ? 0 : 1, direccionamientosOf(presc), answer.text());
        }
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsWritten() {
        String presc = Bodies.newPrescripcion();
        String attack = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + SoapCalls.envelope(RunningGateway.EPS, eps, direccionamiento(presc, "&xxe;", ""));
        Answer answer = SoapCalls.post(gateway, attack);
        assertEquals(500, answer.status());
        assertTrue(answer.text().contains("Fault"), answer.text());
        assertFalse(answer.text().contains("DireccionamientoRespuesta"), answer.text());
        assertEquals(0, direccionamientosOf(presc), "nothing was written");
    }

    @Test
    void aFaultOfOursGivesTheRequestIdToQuoteAndNothingOfTheDatabase() {
        String presc = Bodies.newPrescripcion();
        // A table the query needs, gone for a moment: the database's error is the gateway's fault, not the client's.
        gateway.server().database().inTransaction(h -> h.execute("ALTER TABLE reporte_entrega RENAME TO reporte_entrega_aparte"));
        try {
            Answer overSoap = SoapCalls.post(gateway, SoapCalls.envelope(PROV1, prov1,
                    "<s:ReporteEntregaXPrescripcion><s:NoPrescripcion>" + presc + "</s:NoPrescripcion></s:ReporteEntregaXPrescripcion>"));
            assertEquals(500, overSoap.status(), overSoap.text());
            assertTrue(overSoap.text().contains("<faultcode>soap:Server</faultcode>"), overSoap.text());
            assertTrue(overSoap.text().contains("Error interno del servidor. Cite la solicitud " + overSoap.header("X-Request-Id") + "."),
                    overSoap.text());
            Answer overRest = gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc);
            assertEquals(500, overRest.status(), overRest.text());
            assertEquals("Error interno del servidor. Cite la solicitud " + overRest.header("X-Request-Id") + ".",
                    overRest.json().get("Message").asText());
            for (Answer answer : List.of(overSoap, overRest)) {
                for (String inside : List.of("reporte_entrega", "SELECT", "org.h2", "Exception", "co.mipresgateway")) {
                    assertFalse(answer.text().contains(inside), inside + " in " + answer.text());
                }
            }
        } finally {
            gateway.server().database().inTransaction(h -> h.execute("ALTER TABLE reporte_entrega_aparte RENAME TO reporte_entrega"));
        }
        assertEquals(0, ok(gateway.get("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)).json().size());
    }
}
