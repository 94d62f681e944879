package co.mipresgateway.soap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * A message whose soap:Body holds no transaction (an empty body) is the client's fault. CXF finds no operation to
 * call and fails at the invocation, which the answer would tell as a fault of ours ("Error interno", a stack trace in
 * the log). An element that names no known transaction is refused earlier by CXF itself, as the client's, in English:
 * {@link #unrecognizedElement} says it in Spanish.
 */
public final class OperationRequired extends AbstractSoapInterceptor {

    public static final String MESSAGE = "El soap:Body no contiene ninguna transacción: envíe dentro de él el elemento de"
            + " una (ReporteEntrega, Entrega, ...) en el espacio de nombres urn:mipres-gateway:suministro:v1.";
    /** CXF's codes for a body element that names no operation of the WSDL, and for one in another namespace. */
    private static final String CXF_NO_PART_FOUND = "NO_PART_FOUND";
    private static final String CXF_UNEXPECTED_ELEMENT = "UNEXPECTED_ELEMENT";
    private static final Pattern CXF_PART = Pattern.compile("Message part (\\S+) was not recognized");
    private static final Pattern CXF_UNEXPECTED = Pattern.compile("Unexpected element (\\S+) found\\.\\s+Expected (\\S+?)\\.?$");

    /**
     * The Spanish fault string for a body element CXF does not take for a transaction (a client's generated code left
     * in another namespace, .NET's http://tempuri.org/ say), where CXF's own is English; null for any other fault.
     */
    static String unrecognizedElement(Fault fault) {
        String english = String.valueOf(fault.getMessage()).strip();
        if (CXF_NO_PART_FOUND.equals(fault.getCode())) {
            Matcher part = CXF_PART.matcher(english);
            return "El soap:Body trae " + (part.find() ? "el elemento " + part.group(1) : "un elemento") + ", que no es una"
                    + " transacción de este servicio: envíe el de una (ReporteEntrega, Entrega, ...) en el espacio de"
                    + " nombres urn:mipres-gateway:suministro:v1 (el WSDL está en ?wsdl).";
        }
        if (CXF_UNEXPECTED_ELEMENT.equals(fault.getCode())) {
            Matcher unexpected = CXF_UNEXPECTED.matcher(english);
            if (!unexpected.find()) return null;
            return "El mensaje trae el elemento " + unexpected.group(1) + " donde se esperaba " + unexpected.group(2)
                    + ": revise el espacio de nombres (el de este servicio es urn:mipres-gateway:suministro:v1).";
        }
        return null;
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
