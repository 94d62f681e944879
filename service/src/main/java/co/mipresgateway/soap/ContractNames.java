package co.mipresgateway.soap;

import javax.xml.namespace.QName;

/** The contract's namespace and its header's name, as the refusals quote them. */
final class ContractNames {

    static final String NAMESPACE = "urn:mipres-gateway:suministro:v1";
    /** The header every transaction but GenerarToken carries; the one element of the contract that is no transaction. */
    static final QName CREDENCIALES = new QName(NAMESPACE, "Credenciales");

    private ContractNames() {
    }
}
