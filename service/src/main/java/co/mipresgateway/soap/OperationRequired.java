package co.mipresgateway.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * A message whose soap:Body holds no transaction (an empty body) is the client's fault. CXF finds no operation to
 * call and fails at the invocation, which the answer would tell as a fault of ours ("Error interno", a stack trace in
 * the log). An element that names no known transaction is refused earlier by CXF itself, as the client's.
 */
public final class OperationRequired extends AbstractSoapInterceptor {

    public static final String MESSAGE = "El soap:Body no contiene ninguna transacción: envíe dentro de él el elemento de"
            + " una (ReporteEntrega, Entrega, ...) en el espacio de nombres urn:mipres-gateway:suministro:v1.";

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
