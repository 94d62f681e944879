package co.mipresgateway.client;

import co.mipresgateway.client.contract.Credenciales;
import co.mipresgateway.client.contract.GenerarToken;
import co.mipresgateway.client.soap.Fallo;
import co.mipresgateway.client.soap.SuministroPort;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxb.JAXBDataBinding;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The generated SOAP port, ready for one party: the factory generates a session token and puts the
 * {@code Credenciales} header on every call, so callers pass {@code null} for the port's credenciales
 * parameter. {@link #call} renews the token once when the service refuses it (fault code
 * {@code soap:Client.Credenciales} or {@code soap:Client.TokenExpirado}) and repeats the call.
 */
public final class SuministroSoap {

    /** Where the gateway serves SOAP, below the host. */
    public static final String SOAP_PATH = "/WSSUMMIPRESNOPBS/soap/suministro";
    private static final String MINISTRY_API = "/wssummipresnopbs/api/";
    private static final QName CREDENCIALES = new QName("urn:mipres-gateway:suministro:v1", "Credenciales");
    private static final JAXBDataBinding CREDENCIALES_BINDING = credencialesBinding();

    private final SuministroPort port;
    private final String nit;
    private final String primaryToken;
    private volatile String sessionToken;
    private volatile long renewedAtNanos;

    private SuministroSoap(SuministroPort port, String nit, String primaryToken) {
        this.port = port;
        this.nit = nit;
        this.primaryToken = primaryToken;
    }

    /**
     * A port of the gateway at {@code baseUrl} (the host, or the SOAP address itself), without credentials. A call
     * that gets no answer within {@code timeout} fails (CXF would take zero as no limit at all).
     */
    public static SuministroPort port(String baseUrl, Duration timeout) {
        Arguments.positive(timeout, "timeout");
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(SuministroPort.class);
        factory.setAddress(address(baseUrl));
        SuministroPort port = (SuministroPort) factory.create();
        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(Math.min(timeout.toMillis(), 10_000));
        policy.setReceiveTimeout(timeout.toMillis());
        ((HTTPConduit) client.getConduit()).setClient(policy);
        return port;
    }

    /** A ready port for the party: its session token generated now and sent in the header of every call. */
    public static SuministroSoap connect(String baseUrl, String nit, String primaryToken, Duration timeout) {
        SuministroSoap soap = new SuministroSoap(port(baseUrl, timeout), Arguments.given(nit, "nit"), Arguments.given(primaryToken, "primaryToken"));
        soap.renew();
        return soap;
    }

    /** The port; pass {@code null} as its {@code credenciales} argument, the header is already there. */
    public SuministroPort port() {
        return port;
    }

    public String sessionToken() {
        return sessionToken;
    }

    public interface SoapCall<T> {
        T call(SuministroPort port) throws Fallo;
    }

    /** Runs {@code call}; a refused session token is renewed as {@link SessionRenewals} says and the call repeated. */
    public <T> T call(SoapCall<T> call) throws Fallo {
        for (int renewals = 0; ; renewals++) {
            String used = sessionToken;
            try {
                return call.call(port);
            } catch (SOAPFaultException fault) {
                if (!isCredentialFault(fault) || renewals == SessionRenewals.MOST) throw fault;
                boolean young = used.equals(sessionToken) && System.nanoTime() - renewedAtNanos < SessionRenewals.YOUNG.toNanos();
                if (!SessionRenewals.waitBeforeRenewing(young, renewals)) throw fault;
                synchronized (this) {
                    if (used.equals(sessionToken)) renew();
                }
            }
        }
    }

    /** Generates a new session token and puts it in the header. */
    public synchronized void renew() {
        GenerarToken request = new GenerarToken();
        request.setNit(nit);
        request.setTokenPrincipal(primaryToken);
        String token;
        try {
            token = port.generarToken(request).getToken();
        } catch (Fallo refused) {
            throw new MipresException(401, refused.getFaultInfo() != null ? refused.getFaultInfo().getMessage() : refused.getMessage());
        }
        Credenciales credenciales = new Credenciales();
        credenciales.setNit(nit);
        credenciales.setToken(token);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(CREDENCIALES, credenciales, CREDENCIALES_BINDING));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        // Named only once it is in the header: a call that read it is sent with it.
        renewedAtNanos = System.nanoTime();
        sessionToken = token;
    }

    /** A fault the service lays on the request (soap:Client and its subcodes), not on itself (soap:Server). */
    public static boolean isClientFault(SOAPFaultException fault) {
        QName code = fault.getFault() == null ? null : fault.getFault().getFaultCodeAsQName();
        return code != null && code.getLocalPart().startsWith("Client");
    }

    /** The gateway's faults for an unknown or expired session token. */
    public static boolean isCredentialFault(SOAPFaultException fault) {
        QName code = fault.getFault() == null ? null : fault.getFault().getFaultCodeAsQName();
        if (code == null) return false;
        return code.getLocalPart().endsWith("Client.Credenciales") || code.getLocalPart().endsWith("Client.TokenExpirado");
    }

    /**
     * The SOAP address from what the caller has: the host, the SOAP address itself, or the REST API's base (the
     * submitter's {@code --url} that worked over REST, given {@code --soap}).
     */
    static String address(String baseUrl) {
        String url = SuministroClient.serviceAddress(baseUrl);
        if (url.toLowerCase(Locale.ROOT).contains("/soap/")) return url;
        String api = SuministroClient.apiBase(url).toString();   // ends in /api/, usually .../WSSUMMIPRESNOPBS/api/
        boolean ministrys = api.toLowerCase(Locale.ROOT).endsWith(MINISTRY_API);
        return api.substring(0, api.length() - (ministrys ? MINISTRY_API.length() : 1)) + SOAP_PATH;
    }

    private static JAXBDataBinding credencialesBinding() {
        try {
            return new JAXBDataBinding(Credenciales.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the Credenciales type cannot be bound", e);
        }
    }
}
