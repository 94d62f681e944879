package co.mipresgateway.soap;

import co.mipresgateway.contract.soap.Fallo;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;

/**
 * How the SOAP face writes its answers: always in UTF-8 (CXF would answer in the request's charset, ISO-8859-1
 * when a client names none, and the messages are Spanish), and a refused request is the client's fault
 * (soap:Client), not the server's, as CXF marks every declared fault by default.
 */
public final class SoapAnswerWriting extends AbstractSoapInterceptor {

    private static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");

    public SoapAnswerWriting() {
        super(Phase.PREPARE_SEND);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        message.put(Message.ENCODING, "UTF-8");
        Exception error = message.getContent(Exception.class);
        if (error instanceof Fault fault && fault.getCause() instanceof Fallo) fault.setFaultCode(CLIENT);
    }
}
