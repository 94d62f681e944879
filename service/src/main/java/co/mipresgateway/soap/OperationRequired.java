package co.mipresgateway.soap;

import co.mipresgateway.server.NearestName;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.Service;
import org.apache.cxf.service.model.MessagePartInfo;
import org.apache.cxf.service.model.OperationInfo;

/**
 * A message whose soap:Body holds no transaction (an empty body) is the client's fault. CXF finds no operation to
 * call and fails at the invocation, which the answer would tell as a fault of ours ("Error interno", a stack trace in
 * the log). An element that names no known transaction is refused earlier by CXF itself, as the client's, in English:
 * {@link #unrecognizedElement} says it in Spanish.
 */
public final class OperationRequired extends AbstractSoapInterceptor {

    private static final String NAMESPACE = ContractNames.NAMESPACE;
    public static final String MESSAGE = "El soap:Body no contiene ninguna transacción: envíe dentro de él el elemento de"
            + " una (ReporteEntrega, Entrega, ...) en el espacio de nombres " + NAMESPACE + ".";
    /** A body of two transactions: CXF binds the first and reports the second as no operation's. */
    public static final String ONE_TRANSACTION = "El soap:Body trae más de un elemento: cada mensaje lleva una sola"
            + " transacción (envíe las demás en mensajes aparte); no se guardó nada.";
    private static final String WHICH_GO = "envíe el de una (ReporteEntrega, Entrega, ...) en el espacio de nombres "
            + NAMESPACE + " (el WSDL está en ?wsdl).";
    /** CXF's codes for a body element that names no operation of the WSDL, and for one in another namespace. */
    private static final String CXF_NO_PART_FOUND = "NO_PART_FOUND";
    private static final String CXF_UNEXPECTED_ELEMENT = "UNEXPECTED_ELEMENT";
    private static final Pattern CXF_PART = Pattern.compile("Message part (\\S+) was not recognized");
    private static final Pattern CXF_UNEXPECTED = Pattern.compile("Unexpected element (\\S+) found\\.\\s+Expected (\\S+?)\\.?$");

    /**
     * The Spanish fault string for a body element CXF does not take for a transaction (a client's generated code left
     * in another namespace, .NET's http://tempuri.org/ say, or a name misspelt), where CXF's own is English; null for
     * any other fault.
     */
    static String unrecognizedElement(Fault fault, SoapMessage answer) {
        String english = String.valueOf(fault.getMessage()).strip();
        if (CXF_NO_PART_FOUND.equals(fault.getCode())) {
            Matcher part = CXF_PART.matcher(english);
            if (!part.find()) return "El soap:Body trae un elemento que no es una transacción de este servicio: " + WHICH_GO;
            Set<String> transactions = transactionsOf(answer);
            if (part.group(1).startsWith("{" + NAMESPACE + "}") && transactions.contains(localName(part.group(1)))) {
                return ONE_TRANSACTION;
            }
            String said = "El soap:Body trae el elemento " + part.group(1)
                    + ", que no es una transacción de este servicio: ";
            String near = meant(part.group(1), transactions);
            if (near == null) return said + WHICH_GO;
            return said + "¿quiso decir " + near + "? (en XML las mayúsculas cuentan; el WSDL está en ?wsdl).";
        }
        if (CXF_UNEXPECTED_ELEMENT.equals(fault.getCode())) {
            Matcher unexpected = CXF_UNEXPECTED.matcher(english);
            if (!unexpected.find()) return null;
            String found = unexpected.group(1);
            String expected = unexpected.group(2);
            if (namespaceOf(found).equals(namespaceOf(expected))) {
                // Same namespace: the operation was chosen by the SOAPAction header, and the body is another's.
                String transaction = localName(found);
                return "El mensaje trae el elemento " + found + " pero su encabezado SOAPAction pide la operación de "
                        + expected + ": envíe el SOAPAction de la transacción que manda (urn:mipres-gateway:suministro:"
                        + transaction + ") o uno vacío (\"\").";
            }
            return "El mensaje trae el elemento " + found + " donde se esperaba " + expected
                    + ": revise el espacio de nombres (el de este servicio es " + NAMESPACE + ").";
        }
        return null;
    }

    /** The namespace of a name CXF writes as {namespace}local; empty for none. */
    private static String namespaceOf(String name) {
        return name.startsWith("{") && name.indexOf('}') > 0 ? name.substring(1, name.indexOf('}')) : "";
    }

    /**
     * The transaction a body element of this service's namespace was meant to be, a typo or two away or in another
     * letter case ("EntregaXFechas", "entregaXFecha"); null for none.
     */
    private static String meant(String element, Set<String> transactions) {
        if (!element.startsWith("{" + NAMESPACE + "}")) return null;
        return NearestName.among(transactions, localName(element));
    }

    /** The elements that carry a transaction in the soap:Body, from the service's WSDL. */
    private static Set<String> transactionsOf(SoapMessage answer) {
        Set<String> transactions = new HashSet<>();
        Service service = answer.getExchange().getService();
        if (service == null) return transactions;
        for (OperationInfo operation : service.getServiceInfos().get(0).getInterface().getOperations()) {
            for (MessagePartInfo part : operation.getInput().getMessageParts()) {
                if (part.isElement() && !ContractNames.CREDENCIALES.equals(part.getElementQName())) {
                    transactions.add(part.getElementQName().getLocalPart());
                }
            }
        }
        return transactions;
    }

    private static String localName(String name) {
        return name.substring(name.indexOf('}') + 1);
    }

    public OperationRequired() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getExchange().getBindingOperationInfo() != null) return;
        Fault fault = new Fault(new IllegalArgumentException(MESSAGE));
        fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        throw fault;
    }
}
