package co.mipresgateway.it;

import co.mipresgateway.contract.Credenciales;
import co.mipresgateway.contract.soap.SuministroPort;
import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.server.GatewayServer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;

/** Talking SOAP to a running gateway: through a client generated from the WSDL, or as raw envelopes. */
final class SoapCalls {

    private SoapCalls() {
    }

    /** A client of the generated port, once the gateway's SOAP face is up. */
    static SuministroPort port(RunningGateway gateway) {
        gateway.server().soapReady().join();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(SuministroPort.class);
        factory.setAddress(gateway.base() + GatewayServer.SOAP_PATH);
        return (SuministroPort) factory.create();
    }

    static Credenciales credenciales(String nit, String token) {
        Credenciales c = new Credenciales();
        c.setNit(nit);
        c.setToken(token);
        return c;
    }

    /** An envelope with the Credenciales header and the given body content, written by hand. */
    static String envelope(String nit, String token, String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:s=\"urn:mipres-gateway:suministro:v1\"><soapenv:Header><s:Credenciales><s:nit>" + nit
                + "</s:nit><s:token>" + token + "</s:token></s:Credenciales></soapenv:Header><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    static Answer post(RunningGateway gateway, String contentType, String xml) {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.base() + GatewayServer.SOAP_PATH))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(xml)).build());
    }

    static Answer post(RunningGateway gateway, String xml) {
        return post(gateway, "text/xml; charset=utf-8", xml);
    }
}
