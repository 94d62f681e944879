package co.mipresgateway.soap;

import javax.xml.validation.Schema;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.service.model.ServiceInfo;
import org.apache.cxf.ws.addressing.EndpointReferenceUtils;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

/**
 * The compiled contract schema, handing each thread one validator and one validator handler that it reuses.
 * CXF validates every incoming message through JAXB, which asks the schema for a new ValidatorHandler per body
 * (and a new Validator per header): building one costs more than validating a small message. A validator
 * resets itself at the start of each document, and a thread validates one message at a time.
 */
public final class ValidatorsPerThread extends Schema {

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
        this.handlers = ThreadLocal.withInitial(compiled::newValidatorHandler);
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
