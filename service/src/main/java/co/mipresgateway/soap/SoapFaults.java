package co.mipresgateway.soap;

import co.mipresgateway.auth.AuthFailure;
import co.mipresgateway.auth.Authenticator;
import co.mipresgateway.auth.Caller;
import co.mipresgateway.contract.Credenciales;
import co.mipresgateway.contract.ErrorValidacion;
import co.mipresgateway.contract.soap.Fallo;
import co.mipresgateway.suministro.NotFound;
import co.mipresgateway.suministro.ValidationFailure;
import java.util.List;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;

/**
 * Who is calling (from the Credenciales header) and what a refusal becomes over SOAP: a Fallo fault whose
 * detail holds the same Message and Errors as the REST answer. Bad credentials are a fault of their own
 * (code soap:Client.Credenciales, or soap:Client.TokenExpirado), so that a client can renew its token without
 * reading messages. SOAP 1.1 refines a standard code with a dot; a code of another namespace is not understood
 * by every JAX-WS client.
 */
final class SoapFaults {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final QName CREDENCIALES = new QName(SOAP11, "Client.Credenciales");
    static final QName TOKEN_EXPIRADO = new QName(SOAP11, "Client.TokenExpirado");

    private final Authenticator authenticator;

    SoapFaults(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    <T> T call(Credenciales credenciales, Function<Caller, T> work) throws Fallo {
        try {
            if (credenciales == null) throw MissingCredenciales.refusal();
            return work.apply(authenticator.authenticate(credenciales.getNit(), credenciales.getToken()));
        } catch (ValidationFailure failure) {
            throw fallo(failure.getMessage(), failure.errors());
        } catch (NotFound notFound) {
            SoapOutcomeNaming.markNotFound();
            throw fallo(notFound.getMessage(), List.of(notFound.getMessage()));
        } catch (AuthFailure failure) {
            throw credentials(failure);
        }
    }

    static SoapFault credentials(AuthFailure failure) {
        QName code = failure.reason() == AuthFailure.Reason.TOKEN_EXPIRED ? TOKEN_EXPIRADO : CREDENCIALES;
        return new SoapFault(failure.getMessage(), code);
    }

    static Fallo fallo(String message, List<String> errors) {
        ErrorValidacion detail = new ErrorValidacion();
        detail.setMessage(message);
        detail.getErrors().addAll(errors);
        return new Fallo(message, detail);
    }
}
