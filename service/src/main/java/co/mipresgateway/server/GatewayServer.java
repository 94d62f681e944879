package co.mipresgateway.server;

import co.mipresgateway.auth.Authenticator;
import co.mipresgateway.auth.PartyAdmin;
import co.mipresgateway.rest.AuthFailureMapper;
import co.mipresgateway.rest.GatewayInfoResource;
import co.mipresgateway.rest.MetricsAccess;
import co.mipresgateway.rest.TransactionMethods;
import co.mipresgateway.rest.Json;
import co.mipresgateway.rest.NotFoundMapper;
import co.mipresgateway.rest.RecordsWriter;
import co.mipresgateway.rest.SuministroResource;
import co.mipresgateway.rest.UnexpectedErrorMapper;
import co.mipresgateway.rest.UnreadableBodyMapper;
import co.mipresgateway.rest.ValidationFailureMapper;
import co.mipresgateway.rest.WebApplicationErrorMapper;
import co.mipresgateway.contract.soap.SuministroPort;
import co.mipresgateway.soap.ElementNamedRefusals;
import co.mipresgateway.soap.OperationRequired;
import co.mipresgateway.soap.SoapAnswerWriting;
import co.mipresgateway.soap.SoapOutcomeNaming;
import co.mipresgateway.soap.SuministroEndpoint;
import co.mipresgateway.soap.ValidatorsPerThread;
import co.mipresgateway.store.Database;
import co.mipresgateway.store.Stores;
import co.mipresgateway.suministro.SuministroService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxb.JAXBDataBinding;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring, by constructors: config, database (migrated), stores, auth, service, the faces, Jetty.
 * REST is served by CXF under /WSSUMMIPRESNOPBS/api/ and SOAP at /WSSUMMIPRESNOPBS/soap/suministro, on one
 * embedded Jetty 12.
 */
public final class GatewayServer implements AutoCloseable {

    public static final String API_PATH = "/WSSUMMIPRESNOPBS/api";
    /** Bodies up to this size are gathered whole before their request gets a thread: a transaction's is usually under 1 KB. */
    static final int GATHERED_BODY_BYTES = 8 * 1024;
    public static final String SOAP_PATH = "/WSSUMMIPRESNOPBS/soap/suministro";
    /** The ministry's paths, REST and SOAP; not GET / nor /health. */
    private static final String MINISTRY_PATHS = "/WSSUMMIPRESNOPBS/";
    private static final long START_WAIT_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Server jetty;
    private final Bus bus;
    private final Database database;
    private final GatewayMetrics metrics;
    private final CompletableFuture<Void> soapReady;
    private final CompletableFuture<Void> sandboxData;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GatewayServer(Server jetty, Bus bus, Database database, GatewayMetrics metrics, CompletableFuture<Void> soapReady,
            CompletableFuture<Void> sandboxData) {
        this.jetty = jetty;
        this.bus = bus;
        this.database = database;
        this.metrics = metrics;
        this.soapReady = soapReady;
        this.sandboxData = sandboxData;
    }

    /** Completes when the SOAP face answers (it is published just after the server starts). */
    public CompletableFuture<Void> soapReady() {
        return soapReady;
    }

    public static GatewayServer start(Config config, Clock clock) throws Exception {
        long start = System.nanoTime();
        config.validated();
        GatewayMetrics metrics = new GatewayMetrics();
        Database database = Database.connect(config, metrics.registry());
        try {
            Stores stores = Stores.create();
            // The migrations and the web faces take about as long each: on two cores they are built side by side.
            CompletableFuture<Long> databaseReady = CompletableFuture.supplyAsync(() -> {
                database.migrate();
                return System.nanoTime();
            });
            SandboxRehearsals rehearsals = SandboxRehearsals.of(config);
            if (rehearsals.oneSessionPerNit()) {
                LOG.warn("Sandbox one session per NIT on: each GenerarToken ends the NIT's earlier session tokens");
            }
            Authenticator authenticator = new Authenticator(database, stores.parties(), clock,
                    new Authenticator.Policy(config.tokenValidity(), config.lockoutAttempts(), config.lockoutWindow(),
                            config.lockoutDuration(), config.sessionTrust(), rehearsals.oneSessionPerNit()));
            SuministroService service = new SuministroService(database, stores, clock, config.queryPageSize());

            Bus bus = BusFactory.newInstance().createBus();
            CXFNonSpringServlet cxf = new CXFNonSpringServlet();
            cxf.setBus(bus);
            TransactionNames transactions = new TransactionNames(SuministroResource.class);
            publishRest(bus, transactions, new SuministroResource(authenticator, service), API_PATH,
                    new TransactionMethods(SuministroResource.class));
            publishRest(bus, transactions, new GatewayInfoResource(database, version(), config.sandbox(), rehearsals.on(),
                    metrics::scrape, MetricsAccess.of(config.metricsSecret())), "/");

            Server jetty = new Server();
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);   // "Jetty(12.x)" tells a scanner which advisories to try
            if (config.behindProxy()) {
                // The scheme and host the clients used, as the proxy in front tells them: the served WSDL's address
                // then names them (https://...), not the proxy's way in (http://gateway:8080).
                http.addCustomizer(new ForwardedRequestCustomizer());
            }
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setIdleTimeout(config.httpIdleTimeout().toMillis());
            connector.setHost(config.host());
            connector.setPort(config.port());
            jetty.addConnector(connector);
            // Each connection may hold a body being gathered (BodyGathering): a bound on connections bounds that heap.
            jetty.addBean(new NetworkConnectionLimit(config.httpMaxConnections(), connector));
            ServletContextHandler context = new ServletContextHandler("/");
            context.addFilter(new FilterHolder(new RequestMetrics(metrics, transactions)), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(new RequestLogFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(new BodyLimitFilter(config.maxBodyBytes(), config.httpBodyTimeout())), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            // Both completed once there (below), whether or not they were made.
            CompletableFuture<Void> soapReady = new CompletableFuture<>();
            CompletableFuture<Void> sandboxData = new CompletableFuture<>();
            context.addFilter(new FilterHolder(new SoapEndpointGet()), SOAP_PATH, EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(new StartGate(SOAP_PATH, soapReady, START_WAIT_MILLIS)), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            if (config.sandbox()) {
                context.addFilter(new FilterHolder(new StartGate(MINISTRY_PATHS, sandboxData, START_WAIT_MILLIS)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
            }
            context.addFilter(new FilterHolder(new MinistryPathSpelling(transactions)), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(new AnswerJsonWhateverAccept()), "/*", EnumSet.of(DispatcherType.REQUEST));
            if (rehearsals.faults() > 0) {
                context.addFilter(new FilterHolder(new SandboxFaults(rehearsals.faults(), rehearsals.faultKinds())), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                LOG.warn("Sandbox faults on: {} of the REST face's PUTs (and of its queries, with query-error; of"
                        + " GenerarToken, with token-error) fail as the ministry's do ({})", rehearsals.faults(),
                        config.get("mipres.sandbox.faults.kinds"));
            }
            // Inside the faults: an answer lost after its commit is lost after the wait, as a slow service loses it.
            rehearsals.delay().ifPresent(bounds -> {
                context.addFilter(new FilterHolder(new SandboxDelays(bounds)), "/*", EnumSet.of(DispatcherType.REQUEST));
                LOG.warn("Sandbox delay on: each answer of the REST face waits {} to {}", bounds.least(), bounds.most());
            });
            context.addServlet(new ServletHolder("cxf", cxf), "/*");
            // A body is gathered before its request is given a thread (see BodyGathering), up to 8 KB; the rest of a
            // longer one is read as it comes, within BodyDeadline.
            EagerContentHandler bodyFirst = new EagerContentHandler(context, new BodyGathering(GATHERED_BODY_BYTES));
            // A stop lets the requests in flight finish and get their answers first: a PUT cut off after its commit
            // leaves its client unable to tell whether it was recorded. Calls that come meanwhile are told 503.
            GracefulHandler graceful = new GracefulHandler(AnswerCompression.around(bodyFirst));
            jetty.setHandler(graceful);
            jetty.setStopTimeout(config.httpStopTimeout().toMillis());
            jetty.setErrorHandler(new JsonErrorHandler());
            long facesReady = System.nanoTime();
            long migrated = databaseReady.join();
            try {
                jetty.start();
            } catch (java.io.IOException notBound) {
                jetty.stop();
                throw notListening(config, notBound);
            }
            LOG.info("Start: database ready in {} ms, REST face built in {} ms (side by side), listening after {} ms",
                    (migrated - start) / 1_000_000, (facesReady - start) / 1_000_000,
                    (System.nanoTime() - start) / 1_000_000);
            // The SOAP face compiles its schema and binding (about a second): it joins the running server, so
            // that REST answers meanwhile. Until then StartGate holds the calls to its path.
            CompletableFuture.runAsync(() -> {
                publishSoap(bus, new SuministroEndpoint(authenticator, service));
                LOG.info("SOAP face ready at {} after {} ms", SOAP_PATH, (System.nanoTime() - start) / 1_000_000);
            }).whenComplete((done, failure) -> {
                if (failure == null) {
                    soapReady.complete(null);
                } else {
                    LOG.error("The SOAP face was not published; its path answers 404", failure);
                    soapReady.completeExceptionally(failure);
                }
            });
            if (config.sandbox()) {
                // The demo parties and chains (about 1 s of first-time work, Jdbi's and H2's first statements) are not
                // worth delaying the first answer for: they are written just after, and StartGate holds the API's
                // calls until they are.
                CompletableFuture.runAsync(() -> database.oneInstanceAtATime(() -> {
                    SandboxParties.ensure(new PartyAdmin(database, stores.parties(), clock));
                    SandboxChains.ensure(service);
                })).whenComplete((done, failure) -> {
                    if (failure != null) LOG.error("Sandbox: the demo parties or chains were not created: {}", failure.toString());
                    sandboxData.complete(null);
                });
            } else {
                sandboxData.complete(null);
            }
            return new GatewayServer(jetty, bus, database, metrics, soapReady, sandboxData);
        } catch (CompletionException e) {
            database.close();
            metrics.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception | Error e) {
            database.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * The port taken (another gateway still running, say) or a host that is not this machine's, told with the settings
     * that choose them and the system's own words: Jetty's "Failed to bind to /0.0.0.0:8080" left the reason out.
     */
    private static IllegalArgumentException notListening(Config config, java.io.IOException notBound) {
        Throwable reason = notBound.getCause() != null ? notBound.getCause() : notBound;
        String words = reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName();
        return new IllegalArgumentException("No se pudo escuchar en MIPRES_HOST " + config.host() + ", MIPRES_PORT " + config.port()
                + " (" + words + "): otro proceso usa ese puerto (¿el gateway ya está en marcha?) o la dirección no"
                + " es de esta máquina. Elija otro puerto (MIPRES_PORT=8081) o detenga el otro proceso.");
    }

    /** The SOAP face on the same Jetty, its incoming messages validated against the schema. */
    private static void publishSoap(Bus bus, SuministroEndpoint endpoint) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(SuministroPort.class);
        factory.setServiceBean(endpoint);
        factory.setAddress(SOAP_PATH);
        factory.setWsdlLocation("classpath:wsdl/suministro.wsdl");
        factory.setServiceName(new QName("urn:mipres-gateway:suministro:wsdl:v1", "SuministroService"));
        factory.setEndpointName(new QName("urn:mipres-gateway:suministro:wsdl:v1", "SuministroPort"));
        factory.getProperties(true).put("schema-validation-enabled", "IN");
        factory.getProperties().put(JAXBDataBinding.READER_VALIDATION_EVENT_HANDLER, new ElementNamedRefusals());
        factory.getInInterceptors().add(new OperationRequired());
        factory.getOutInterceptors().add(new SoapAnswerWriting());
        factory.getOutFaultInterceptors().add(new SoapAnswerWriting());
        factory.getOutInterceptors().add(new SoapOutcomeNaming());
        factory.getOutFaultInterceptors().add(new SoapOutcomeNaming());
        ValidatorsPerThread.install(factory.create(), bus);
    }

    private static void publishRest(Bus bus, TransactionNames transactions, Object resource, String address,
            Object... filters) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(List.of(resource));
        ObjectMapper json = Json.mapper();
        // RecordsWriter before Jackson's provider, which would otherwise take a query's Records for a bean with no properties.
        List<Object> providers = new ArrayList<>(List.of(new RecordsWriter(json), Json.provider(json),
                new ValidationFailureMapper(json), new AuthFailureMapper(), new NotFoundMapper(), new UnreadableBodyMapper(),
                new WebApplicationErrorMapper(transactions), new UnexpectedErrorMapper()));
        providers.addAll(List.of(filters));
        factory.setProviders(providers);
        factory.create();
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** How long a kept-alive connection may sit idle before it is closed. */
    public long idleTimeoutMillis() {
        return ((ServerConnector) jetty.getConnectors()[0]).getIdleTimeout();
    }

    public Database database() {
        return database;
    }

    public static String version() {
        String version = GatewayServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** True from the moment a stop begins, while the requests in flight finish. */
    public boolean stopping() {
        return jetty.isStopping() || jetty.isStopped();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        // A stop right after the start lets the start's work end first: demo chains cut off half-written would be
        // taken as written by the next start, which looks only for the first.
        CompletableFuture.allOf(soapReady, sandboxData).exceptionally(error -> null).join();
        long start = System.nanoTime();
        LOG.info("Stopping: no new connections; the requests in flight get up to {} ms to finish", jetty.getStopTimeout());
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly (a request still running after the stop timeout is cut off): {}", e.toString());
        }
        LOG.info("Stopped the web faces in {} ms; closing the database", (System.nanoTime() - start) / 1_000_000);
        bus.shutdown(true);
        database.close();
        metrics.close();
    }
}
