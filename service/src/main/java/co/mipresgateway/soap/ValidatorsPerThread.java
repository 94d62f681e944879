package co.mipresgateway.soap;

import java.util.Locale;
import javax.xml.validation.Schema;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.service.model.ServiceInfo;
import org.apache.cxf.ws.addressing.EndpointReferenceUtils;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The compiled contract schema, handing each thread one validator and one validator handler that it reuses.
 * CXF validates every incoming message through JAXB, which asks the schema for a new ValidatorHandler per body
 * (and a new Validator per header): building one costs more than validating a small message. A validator
 * resets itself at the start of each document, and a thread validates one message at a time.
 */
public final class ValidatorsPerThread extends Schema {

    private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final Schema compiled;
    private final ThreadLocal<Validator> validators;
    private final ThreadLocal<ValidatorHandler> handlers;

    /**
     * Compiles the endpoint's schema now (not at its first message) and puts this in its place, where CXF
     * looks for it (a property of the service model) before validating a message.
     */
    public static void install(Server server, Bus bus) {
        ServiceInfo service = server.getEndpoint().getService().getServiceInfos().get(0);
        Schema compiled = EndpointReferenceUtils.getSchema(service, bus);
        service.setProperty(Schema.class.getName(), new ValidatorsPerThread(compiled));
    }

    private ValidatorsPerThread(Schema compiled) {
        this.compiled = compiled;
        this.validators = ThreadLocal.withInitial(compiled::newValidator);
        this.handlers = ThreadLocal.withInitial(() -> speakingSpanish(compiled.newValidatorHandler()));
    }

    /**
     * The validator's words go into the client's fault, which is Spanish like every other answer. (Only the handler's,
     * which validates the body: the JDK's Validator, which CXF uses for a header, loses its security settings on its
     * next reset once a property is set on it, and then fails every message.)
     */
    private static ValidatorHandler speakingSpanish(ValidatorHandler handler) {
        try {
            handler.setProperty(XERCES_LOCALE, SPANISH);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("The JDK's schema validator no longer takes a locale", e);
        }
        return handler;
    }

    @Override
    public Validator newValidator() {
        Validator validator = validators.get();
        validator.reset();
        return validator;
    }

    @Override
    public ValidatorHandler newValidatorHandler() {
        ValidatorHandler handler = handlers.get();
        handler.setErrorHandler(null);
        handler.setContentHandler(null);
        return handler;
    }
}
