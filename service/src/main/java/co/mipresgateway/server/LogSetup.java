package co.mipresgateway.server;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import org.h2.api.ErrorCode;

/**
 * The service's logging, set up in code (found by logback through {@code META-INF/services}): read from an XML file,
 * the same setup took a quarter of a second of every start, ahead of everything else. A file given with
 * {@code -Dlogback.configurationFile=...} replaces it.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n");
        encoder.start();
        // Standard error, so that what a command prints on standard output (a new token) stays clean.
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        // Asynchronous, so that writing the line of a request never holds the request's thread.
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC");
        async.setQueueSize(16384);
        async.setDiscardingThreshold(0);
        async.addAppender(console);
        async.addFilter(new AnswersCutShort());
        async.addFilter(new ClosedH2Connections());
        async.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(async);
        // One line per request; -Dmipres.log.requests=WARN (or MIPRES_LOG_REQUESTS=WARN) silences them. Read here, not in
        // Config, as the logging is set up before the settings are read.
        context.getLogger("request").setLevel(requestsLevel(System.getProperty("mipres.log.requests"),
                System.getenv("MIPRES_LOG_REQUESTS")));
        context.getLogger("org.apache.cxf").setLevel(Level.WARN);
        // CXF warns with a stack trace of every SOAP fault, a client's bad message included; the gateway's own faults
        // are logged once, with the request id, by SoapAnswerWriting.
        context.getLogger("org.apache.cxf.phase.PhaseInterceptorChain").setLevel(Level.ERROR);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        // Flyway warns that H2 2.4 is newer than it was verified with; the migrations are tested on it here.
        context.getLogger("org.flywaydb").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * CXF logs an ERROR, without the request's id, whenever an answer could not be written whole: a client that went
     * away in the middle of a long query's answer, or a database that failed between two of its pages. The gateway
     * logs each such request itself, with its id and at the level it deserves (INFO for a client gone, WARN for a
     * busy database, ERROR with the cause for a fault of ours); CXF's line only made an alarm of a client leaving.
     */
    static final class AnswersCutShort extends Filter<ILoggingEvent> {
        private static final String LOGGER = "org.apache.cxf.jaxrs.utils.JAXRSUtils";

        // On the appender, not a turbo filter: a turbo filter is asked at every isDebugEnabled() of Jetty and CXF.
        @Override
        public FilterReply decide(ILoggingEvent event) {
            boolean cxfsLine = event.getLevel() == Level.ERROR && LOGGER.equals(event.getLoggerName())
                    && event.getMessage() != null && event.getMessage().startsWith("Problem with writing the data");
            return cxfsLine ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }

    /**
     * Once a write to H2's file fails, H2 closes itself and the pool drops each of its connections, warning of each
     * with a stack trace of H2's write failure (a hundred and more lines, as many times as there are connections).
     * The group commit logs that failure once, and the requests it refuses log a line each.
     */
    static final class ClosedH2Connections extends Filter<ILoggingEvent> {
        private static final String LOGGER = "com.zaxxer.hikari.pool.ProxyConnection";

        @Override
        public FilterReply decide(ILoggingEvent event) {
            boolean poolsLine = LOGGER.equals(event.getLoggerName()) && event.getFormattedMessage() != null
                    && event.getFormattedMessage().contains("ErrorCode(" + ErrorCode.DATABASE_IS_CLOSED + ")");
            return poolsLine ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }

    /** The request lines' level: the system property's, else the environment variable's, else INFO. */
    static Level requestsLevel(String property, String variable) {
        return Level.toLevel(property != null ? property : variable, Level.INFO);
    }
}
