package co.mipresgateway.soap;

import co.mipresgateway.auth.AuthFailure;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * A transaction that came without the Credenciales header the binding knows: left out, or in another namespace (a
 * client generated with .NET's http://tempuri.org/ left in). Both were told "El NIT o el token no son válidos", which
 * sent the client to renew a token it had never sent.
 */
final class MissingCredenciales {

    private MissingCredenciales() {
    }

    /** The credentials fault for the message being answered, naming the namespace of a Credenciales header of another. */
    static AuthFailure refusal() {
        String elsewhere = namespaceOfAnotherCredenciales();
        if (elsewhere != null) {
            return new AuthFailure(AuthFailure.Reason.UNAUTHORIZED, "El encabezado Credenciales viene "
                    + (elsewhere.isEmpty() ? "sin espacio de nombres" : "en el espacio de nombres " + elsewhere)
                    + "; el de este servicio es " + ContractNames.NAMESPACE + " (también para nit y token).");
        }
        return new AuthFailure(AuthFailure.Reason.UNAUTHORIZED, "El mensaje no trae el encabezado Credenciales: toda"
                + " transacción salvo GenerarToken lleva en soap:Header el elemento Credenciales del espacio de nombres "
                + ContractNames.NAMESPACE + ", con el nit y el token de sesión que responde GenerarToken.");
    }

    private static String namespaceOfAnotherCredenciales() {
        if (!(PhaseInterceptorChain.getCurrentMessage() instanceof SoapMessage message)) return null;
        for (Header header : message.getHeaders()) {
            QName name = header.getName();
            if (ContractNames.CREDENCIALES.getLocalPart().equals(name.getLocalPart())) return name.getNamespaceURI();
        }
        return null;
    }
}
