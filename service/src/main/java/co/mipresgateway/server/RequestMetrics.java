package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Counts and times every request under the name of what it asked for: a transaction's name as ours (whatever
 * letter case it came in) on either face, or SOAP, info, health, metrics, and "other" for anything else, so that a
 * scanner's random paths cannot grow the set of series without bound.
 */
final class RequestMetrics implements Filter {

    /** A SOAP request whose operation was not found (a GET of the WSDL, XML the parser refused). */
    private static final String SOAP = "SOAP";

    private final GatewayMetrics metrics;
    private final TransactionNames transactions;

    RequestMetrics(GatewayMetrics metrics, TransactionNames transactions) {
        this.metrics = metrics;
        this.transactions = transactions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            long nanos = System.nanoTime() - start;
            String name = nameOf(((HttpServletRequest) req).getRequestURI());
            int status = NoAnswer.statusSent(req, res);
            if (SOAP.equals(name)) {
                String operation = SoapOutcome.operationOf(req);
                metrics.record(GatewayMetrics.Face.SOAP, operation == null ? SOAP : operation, SoapOutcome.statusOf(req, status), nanos);
            } else {
                metrics.record(GatewayMetrics.Face.REST, name, status, nanos);
            }
        }
    }

    String nameOf(String uri) {
        String transaction = transactions.of(uri);
        if (transaction != null) return transaction;
        if (uri.equalsIgnoreCase(GatewayServer.SOAP_PATH)) return SOAP;
        if (uri.equals("/")) return "info";
        if (uri.equals("/health")) return "health";
        if (uri.equals("/metrics")) return "metrics";
        return "other";
    }
}
