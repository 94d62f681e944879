package co.mipresgateway.soap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.interceptor.Fault;

/**
 * What CXF refuses of a SOAP request before reading its envelope: a SOAPAction header that names no operation (a
 * client generated against another WSDL, .NET's http://tempuri.org/ISuministro/...), or a method other than POST. Both
 * are the client's, but CXF let them through as faults of ours ("Error interno", a stack trace in the log).
 */
final class TransportRefusal {

    /** CXF's code for a SOAPAction that matches no operation; its method refusal has no code but its English words. */
    private static final String CXF_SOAP_ACTION_MISMATCH = "SOAP_ACTION_MISMATCH";
    private static final String CXF_WRONG_METHOD = "HTTP verb was not GET or POST";
    private static final Pattern CXF_ACTION = Pattern.compile("SOAPAction (.*) does not match an operation");

    private TransportRefusal() {
    }

    /** The Spanish fault string, or null when the fault is neither refusal. */
    static String describe(Fault fault) {
        if (CXF_SOAP_ACTION_MISMATCH.equals(fault.getCode())) {
            Matcher action = CXF_ACTION.matcher(String.valueOf(fault.getMessage()));
            return "El encabezado SOAPAction" + (action.find() ? " '" + action.group(1) + "'" : "") + " no es el de ninguna"
                    + " operación de este servicio: envíe el que dice el WSDL (urn:mipres-gateway:suministro:{Transaccion},"
                    + " por ejemplo urn:mipres-gateway:suministro:ReporteEntrega) o uno vacío (\"\"); no se guardó nada.";
        }
        if (CXF_WRONG_METHOD.equals(fault.getCode()) || CXF_WRONG_METHOD.equals(fault.getMessage())) {
            return "El servicio SOAP recibe sus mensajes por POST (y GET solo para ?wsdl); no se guardó nada.";
        }
        return null;
    }
}
