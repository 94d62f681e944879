package co.mipresgateway.soap;

import co.mipresgateway.server.OurFaults;
import co.mipresgateway.server.SoapOutcome;
import co.mipresgateway.contract.soap.Fallo;
import jakarta.servlet.ServletRequest;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Names each SOAP answer's operation and the status REST would have given the same request ({@link SoapOutcome}),
 * once {@link SoapAnswerWriting} has settled whose fault it is.
 */
public final class SoapOutcomeNaming extends AbstractSoapInterceptor {

    private static final String NOT_FOUND = SoapOutcomeNaming.class.getName() + ".notFound";

    public SoapOutcomeNaming() {
        super(Phase.PREPARE_SEND);
        addAfter(SoapAnswerWriting.class.getName());
    }

    /** The request's Fallo is a record not found (REST's 404), not a refusal by the rules (422). */
    static void markNotFound() {
        Message current = PhaseInterceptorChain.getCurrentMessage();
        if (current != null) current.getExchange().put(NOT_FOUND, Boolean.TRUE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exchange exchange = message.getExchange();
        Message in = exchange.getInMessage();
        if (in == null || !(in.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof ServletRequest request)) return;
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        SoapOutcome.name(request, operation == null ? null : operation.getName().getLocalPart(),
                restStatus(message.getContent(Exception.class), exchange));
    }

    private static int restStatus(Exception failure, Exchange exchange) {
        if (!(failure instanceof Fault fault)) return 200;
        if (fault.getCause() instanceof Fallo) return Boolean.TRUE.equals(exchange.get(NOT_FOUND)) ? 404 : 422;
        QName code = fault.getFaultCode();
        if (SoapFaults.CREDENCIALES.equals(code)) return 401;
        if (SoapFaults.TOKEN_EXPIRADO.equals(code)) return 400;
        OurFaults.Kind kind = OurFaults.kindOf(fault);
        if (kind != OurFaults.Kind.OURS) return kind.status;
        // SoapAnswerWriting has made a message refused before any transaction the client's (REST's 400); SOAP's own codes
        // for an envelope of another version and for a header not understood are the client's too.
        String local = code == null ? "" : code.getLocalPart();
        return local.startsWith("Client") || "VersionMismatch".equals(local) || "MustUnderstand".equals(local) ? 400 : 500;
    }
}
