package co.mipresgateway.soap;

import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXResult;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * A Credenciales header the schema refuses (the token left out, nit and token swapped, a child in no namespace). It is
 * a fault of the credentials, coded as one (soap:Client.Credenciales) so that a client that renews its token on that
 * code sees it, and said in Spanish. CXF validates a header through a Validator, whose words are English (see
 * ValidatorsPerThread); on this rare path the header is validated again through the Spanish handler the body uses.
 */
final class CredencialesRefusal {

    /** CXF's code for a header the schema refused; Credenciales is the contract's only header. */
    private static final String CXF_HEADER_REFUSED = "COULD_NOT_VALIDATE_SOAP_HEADER_CAUSED_BY";
    private static final String WHAT_IT_HOLDS = "lleva nit y token, en ese orden, del espacio de nombres "
            + ContractNames.NAMESPACE + "; no se guardó nada.";

    private CredencialesRefusal() {
    }

    /** The Spanish fault string, or null when the fault is not a refused header. */
    static String describe(Fault fault, SoapMessage answer) {
        if (!CXF_HEADER_REFUSED.equals(fault.getCode())) return null;
        String validatorSays = spanishReason(answer.getExchange());
        return "El encabezado Credenciales no cumple el esquema del servicio, suministro.xsd"
                + (validatorSays == null ? "" : " (" + validatorSays + ")") + ": " + WHAT_IT_HOLDS;
    }

    /** The Spanish validator's first complaint about the request's Credenciales header, or null if it has none. */
    private static String spanishReason(Exchange exchange) {
        Element header = credencialesHeader(exchange);
        if (header == null || exchange.getService() == null) return null;
        Object schema = exchange.getService().getServiceInfos().get(0).getProperty(Schema.class.getName());
        if (!(schema instanceof Schema compiled)) return null;
        ValidatorHandler handler = compiled.newValidatorHandler();
        handler.setErrorHandler(new FirstComplaint());
        try {
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(header), new SAXResult(handler));
            return null;
        } catch (TransformerException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e.getException();
            return cause instanceof SAXParseException refusal ? refusal.getMessage() : null;
        }
    }

    private static Element credencialesHeader(Exchange exchange) {
        if (!(exchange.getInMessage() instanceof SoapMessage request)) return null;
        for (Header header : request.getHeaders()) {
            if (ContractNames.CREDENCIALES.equals(header.getName()) && header.getObject() instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /** Stops at the first complaint, as CXF's own header validation does. */
    private static final class FirstComplaint implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    }
}
