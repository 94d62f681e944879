package co.mipresgateway.soap;

import org.apache.cxf.interceptor.Fault;

/**
 * A header marked mustUnderstand="1" that the service does not process: most often WS-Security, which some clients add
 * by default (a WCF binding with message security, a SoapUI project with an outgoing WSS configuration). CXF says it
 * in English; the code stays soap:MustUnderstand, as SOAP 1.1 asks.
 */
final class MustUnderstandRefusal {

    private static final String CXF_MUST_UNDERSTAND = "MUST_UNDERSTAND";
    private static final String CXF_PREFIX = "MustUnderstand headers: ";
    private static final String CXF_SUFFIX = " are not understood.";

    private MustUnderstandRefusal() {
    }

    /** The Spanish fault string, or null for any other fault. */
    static String describe(Fault fault) {
        if (!CXF_MUST_UNDERSTAND.equals(fault.getCode())) return null;
        String headers = String.valueOf(fault.getMessage());
        if (headers.startsWith(CXF_PREFIX)) headers = headers.substring(CXF_PREFIX.length());
        if (headers.endsWith(CXF_SUFFIX)) headers = headers.substring(0, headers.length() - CXF_SUFFIX.length());
        return "El mensaje trae encabezados marcados mustUnderstand=\"1\" que este servicio no procesa (" + headers + "):"
                + " quítelos o envíelos sin esa marca; este servicio se autentica solo con el encabezado Credenciales."
                + " No se guardó nada.";
    }
}
