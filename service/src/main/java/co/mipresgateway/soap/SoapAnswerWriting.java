package co.mipresgateway.soap;

import co.mipresgateway.contract.soap.Fallo;
import co.mipresgateway.server.OurFaults;
import co.mipresgateway.server.RequestIds;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the SOAP face writes its answers: always in UTF-8 (CXF would answer in the request's charset, ISO-8859-1
 * when a client names none, and the messages are Spanish); a refused request is the client's fault
 * (soap:Client), not the server's, as CXF marks every declared fault by default; and a fault of ours says only
 * that it is one, with the request id to quote, as the REST face does. CXF would put the exception's own message
 * in the faultstring: a database error's SQL, table names and driver classes.
 */
public final class SoapAnswerWriting extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SoapAnswerWriting.class);
    private static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");
    private static final QName SERVER = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server");

    public SoapAnswerWriting() {
        super(Phase.PREPARE_SEND);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        message.put(Message.ENCODING, "UTF-8");
        if (!(message.getContent(Exception.class) instanceof Fault fault)) return;
        if (fault.getCause() instanceof Fallo) {
            fault.setFaultCode(CLIENT);
            return;
        }
        OurFaults.Kind kind = OurFaults.kindOf(fault);
        Refusal refused = refusedMessage(fault, kind, message);
        if (refused != null) {
            fault.setFaultCode(refused.code());
            fault.setMessage(refused.said());
            // Not the fault string: the parser's or the validator's words may quote a value (a patient's document).
            LOG.info("Request {} sent a message refused before any transaction: {}", RequestIds.current(), refused.logged());
            return;
        }
        // Whose fault a body's delivery is does not depend on where CXF stopped reading it: a body cut short or badly
        // encoded is the client's (soap:Client, as the REST face's 400); a stalled one is the network's, soap:Server,
        // which clients send again.
        if (kind == OurFaults.Kind.CUT) fault.setFaultCode(CLIENT);
        if (kind == OurFaults.Kind.STALLED) fault.setFaultCode(SERVER);
        if (kind == OurFaults.Kind.CUT || isServers(fault.getFaultCode())) {
            String id = RequestIds.current();
            kind.log(LOG, id, fault, String.valueOf(fault.getCause()));
            fault.setMessage(kind.message(id));
        }
    }

    /**
     * The Spanish fault string when the message itself was refused before any transaction ran (XML the parser refuses,
     * an element that is no transaction, a message outside the schema), or null; CXF's own strings are English, or a
     * fault of ours for a character XML does not allow.
     */
    private static Refusal refusedMessage(Fault fault, OurFaults.Kind kind, SoapMessage answer) {
        if (kind == OurFaults.Kind.CUT || kind == OurFaults.Kind.STALLED) return null;
        String said = OperationRequired.unrecognizedElement(fault, answer);
        if (said != null) return new Refusal(said, "an element that is no transaction", CLIENT);
        said = MalformedXml.describe(fault);
        if (said != null) return new Refusal(said, "XML the parser refused", CLIENT);
        said = TransportRefusal.describe(fault);
        if (said != null) return new Refusal(said, "a SOAPAction or method the service does not take", CLIENT);
        said = MustUnderstandRefusal.describe(fault);
        if (said != null) return new Refusal(said, "a header marked mustUnderstand", fault.getFaultCode());
        said = EnvelopeVersionRefusal.describe(fault);
        if (said != null) return new Refusal(said, "an envelope that is not SOAP 1.1", fault.getFaultCode());
        said = CredencialesRefusal.describe(fault, answer);
        if (said != null) return new Refusal(said, "a Credenciales header outside the schema", SoapFaults.CREDENCIALES);
        said = SchemaRefusal.describe(fault);
        return said == null ? null : new Refusal(said, "outside the schema", CLIENT);
    }

    /** What the client is told, what the log says of it, and the fault's code. */
    private record Refusal(String said, String logged, QName code) {
    }

    /** CXF's own code for a server fault ({@code server}) or SOAP's ({@code Server}, {@code Server.*}). */
    private static boolean isServers(QName code) {
        return code != null && code.getLocalPart().regionMatches(true, 0, "server", 0, "server".length());
    }
}
