package co.mipresgateway.server;

import jakarta.servlet.ServletRequest;
import java.util.Objects;

/**
 * What a SOAP request was, for the request log and the metrics. Every SOAP request comes to one path and every
 * fault is an HTTP 500, so they would all count as "SOAP" and 500: a delivery refused by the rules, a full disk
 * and a fault of ours alike. The SOAP face names the operation, and the status the same request would have had
 * over REST (422, 404, 401, 503...), on the request.
 */
public final class SoapOutcome {

    private static final String OPERATION = SoapOutcome.class.getName() + ".operation";
    private static final String STATUS = SoapOutcome.class.getName() + ".status";

    private SoapOutcome() {
    }

    public static void name(ServletRequest request, String operation, int restStatus) {
        if (operation != null) request.setAttribute(OPERATION, operation);
        request.setAttribute(STATUS, restStatus);
    }

    /** Whether the SOAP face answered it (not a GET of the WSDL, nor a body refused before CXF: too large). */
    private static boolean isNamed(ServletRequest request) {
        return request.getAttribute(STATUS) != null;
    }

    /**
     * What a request log line adds for a SOAP request (every one has the one path and every fault a 500):
     * {@code " soap=Entrega as=422"}, {@code " soap=- as=400"} when no operation was found; empty for any other.
     */
    static String logged(ServletRequest request, int sent) {
        if (!isNamed(request)) return "";
        return " soap=" + Objects.requireNonNullElse(operationOf(request), "-") + " as=" + statusOf(request, sent);
    }

    /** The operation, or null when none was found (a GET of the WSDL, XML the parser refused). */
    static String operationOf(ServletRequest request) {
        return (String) request.getAttribute(OPERATION);
    }

    /** As REST would have answered; {@code sent} when the SOAP face did not say (a body too large) or nothing was sent. */
    static int statusOf(ServletRequest request, int sent) {
        Object status = request.getAttribute(STATUS);
        return sent == 0 || status == null ? sent : (Integer) status;
    }
}
