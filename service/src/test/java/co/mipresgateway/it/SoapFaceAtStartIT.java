package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.GatewayServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SOAP face is built after the server listens (so that REST answers a second sooner). A SOAP client started
 * together with the gateway, which waits for the port or for {@code GET /} and then calls, must not meet a 404 in
 * that second: its calls wait for the face instead. In production mode nothing else holds them.
 */
class SoapFaceAtStartIT {

    @Test
    void aSoapCallSentTheMomentTheServerListensIsAnsweredNot404() throws Exception {
        Map<String, String> production = new HashMap<>(TestDatabases.h2());
        production.put("mipres.mode", "production");
        try (RunningGateway gateway = new RunningGateway(production)) {
            Answer wsdl = gateway.getAbsolute(GatewayServer.SOAP_PATH + "?wsdl");
            assertEquals(200, wsdl.status(), wsdl.text());
            assertTrue(wsdl.text().contains("SuministroService"), wsdl.text());

            // No party exists in production mode: the face itself answers, with its fault for bad credentials.
            Answer call = SoapCalls.post(gateway, SoapCalls.envelope("900000001", "x",
                    "<s:GenerarToken><s:nit>900000001</s:nit><s:tokenPrincipal>x</s:tokenPrincipal></s:GenerarToken>"));
            assertEquals(500, call.status(), call.text());
            assertTrue(call.text().contains("soap:Fault"), call.text());
        }
    }
}
