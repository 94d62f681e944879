package co.mipresgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.GatewayServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SOAP clients are generated from the served WSDL and call the address it names. Behind a proxy that terminates
 * TLS, that address must be the one clients use (https, the public host), which only the proxy's headers tell;
 * without a proxy those headers are anybody's, and are not trusted.
 */
class BehindProxyIT {

    private static final String PUBLIC_ADDRESS = "https://mipres.example.co" + GatewayServer.SOAP_PATH;

    @Test
    void behindAProxyTheServedWsdlNamesTheAddressClientsUse() throws Exception {
        Map<String, String> settings = new HashMap<>(TestDatabases.h2());
        settings.put("mipres.http.behind.proxy", "true");
        try (RunningGateway gateway = new RunningGateway(settings)) {
            gateway.server().soapReady().join();
            String wsdl = wsdlThroughAProxy(gateway).text();
            assertTrue(wsdl.contains("<soap:address location=\"" + PUBLIC_ADDRESS + "\"/>"), wsdl);
        }
    }

    @Test
    void withoutAProxyForwardedHeadersAreNotTrusted() throws Exception {
        try (RunningGateway gateway = new RunningGateway(TestDatabases.h2())) {
            gateway.server().soapReady().join();
            Answer wsdl = wsdlThroughAProxy(gateway);
            assertEquals(200, wsdl.status());
            assertTrue(wsdl.text().contains("<soap:address location=\"" + gateway.base() + GatewayServer.SOAP_PATH + "\"/>"),
                    wsdl.text());
        }
    }

    private static Answer wsdlThroughAProxy(RunningGateway gateway) {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + GatewayServer.SOAP_PATH + "?wsdl"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "mipres.example.co").GET().build());
    }
}
