package co.mipresgateway.soap;

import org.apache.cxf.interceptor.Fault;

/**
 * A message whose envelope is not SOAP 1.1: a SOAP 1.2 one (.NET's WSHttpBinding, SoapUI set to 1.2), or one of no SOAP
 * namespace at all. CXF says it in English; this says it in Spanish, with what to change in the client.
 */
final class EnvelopeVersionRefusal {

    /**
     * CXF's codes for a SOAP 1.2 envelope sent to a SOAP 1.1 endpoint, for a root element of another namespace, and
     * for one of no namespace.
     */
    private static final String CXF_SOAP12_ON_SOAP11 = "INVALID_11_VERSION";
    private static final String CXF_NOT_SOAP = "INVALID_VERSION";
    private static final String CXF_NO_NAMESPACE = "NO_NAMESPACE";
    private static final String WHAT_GOES = "este servicio recibe SOAP 1.1, como dice su WSDL: el sobre soap:Envelope del"
            + " espacio de nombres http://schemas.xmlsoap.org/soap/envelope/, con Content-Type: text/xml";

    private EnvelopeVersionRefusal() {
    }

    /** The Spanish fault string, or null when the fault is not about the envelope's version. */
    static String describe(Fault fault) {
        if (CXF_SOAP12_ON_SOAP11.equals(fault.getCode())) {
            return "El mensaje es SOAP 1.2 (http://www.w3.org/2003/05/soap-envelope) y " + WHAT_GOES
                    + " (en .NET, BasicHttpBinding en lugar de WSHttpBinding; en SoapUI, la versión SOAP 1.1); no se guardó"
                    + " nada de él.";
        }
        if (CXF_NOT_SOAP.equals(fault.getCode()) || CXF_NO_NAMESPACE.equals(fault.getCode())) {
            return "El elemento raíz del mensaje no es un sobre SOAP: " + WHAT_GOES + "; no se guardó nada de él.";
        }
        return null;
    }
}
