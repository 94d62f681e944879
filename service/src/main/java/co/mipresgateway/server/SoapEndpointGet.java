package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The SOAP endpoint opened in a browser (how integrators check that it is up) was handed to CXF as a message with
 * no body and answered a 500 fault about an empty soap:Body. A GET or HEAD without a query ({@code ?wsdl} and
 * {@code ?xsd=...} go on to CXF) is told, as a client fault, that messages are POSTed and where the contract is.
 */
public final class SoapEndpointGet implements Filter {

    static final String MESSAGE = "Este es el punto de acceso SOAP de mipres-gateway: los mensajes se envían con POST"
            + " (SOAP 1.1, Content-Type: text/xml). El contrato (WSDL) está en esta misma dirección seguida de ?wsdl.";
    private static final byte[] FAULT = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + MESSAGE + "</faultstring></soap:Fault>"
            + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        boolean noQuery = request.getQueryString() == null || request.getQueryString().isEmpty();
        if (!noQuery || !("GET".equals(method) || "HEAD".equals(method))) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "POST");
        response.setContentType("text/xml;charset=utf-8");
        response.setContentLength(FAULT.length);
        response.getOutputStream().write(FAULT);
    }
}
