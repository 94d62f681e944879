package co.mipresgateway.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer of a servlet filter that stops a call before CXF sees it, in the ministry's shape: {"Message"} on the
 * REST face, a SOAP fault on the SOAP face, whose callers' stacks cannot read JSON. The messages are fixed texts
 * of ours, with nothing to escape.
 */
final class FilterAnswers {

    private FilterAnswers() {
    }

    static void message(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        boolean soap = request.getRequestURI().startsWith(GatewayServer.SOAP_PATH);
        byte[] body = (soap ? "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + message
                + "</faultstring></soap:Fault></soap:Body></soap:Envelope>"
                : "{\"Message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(soap ? "text/xml;charset=utf-8" : "application/json;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
