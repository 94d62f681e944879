package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @Test
    void cxfsLineForAnAnswerCutShortIsLeftToTheGatewaysOwnButItsOtherErrorsAreKept() {
        withTheAppender((context, written) -> {
            String cxf = "org.apache.cxf.jaxrs.utils.JAXRSUtils";

            assertEquals(FilterReply.DENY, written.getFilterChainDecision(event(context, cxf, Level.ERROR,
                    "Problem with writing the data, class co.mipresgateway.suministro.Records, ContentType: application/json")));
            assertEquals(FilterReply.NEUTRAL, written.getFilterChainDecision(event(context, cxf, Level.ERROR,
                    "No message body writer has been found for class X, ContentType: application/json")));
            assertEquals(FilterReply.NEUTRAL, written.getFilterChainDecision(event(context,
                    "co.mipresgateway.rest.UnexpectedErrorMapper", Level.ERROR, "Problem with writing the data, ours")));
        });
    }

    @Test
    void thePoolsWarningForEachConnectionOfAClosedH2IsDroppedButItsOthersAreKept() {
        withTheAppender((context, written) -> {
            String pool = "com.zaxxer.hikari.pool.ProxyConnection";
            assertEquals(FilterReply.DENY, written.getFilterChainDecision(event(context, pool, Level.WARN,
                    "mipres-db - Connection conn28: url=jdbc:h2:file:/data/mipres-gateway user= marked as broken because of"
                            + " SQLSTATE(90098), ErrorCode(90098)")));
            assertEquals(FilterReply.NEUTRAL, written.getFilterChainDecision(event(context, pool, Level.WARN,
                    "mipres-db - Connection org.postgresql.jdbc.PgConnection@1 marked as broken because of SQLSTATE(08006),"
                            + " ErrorCode(0)")));
        });
    }

    /** The client's tests set MIPRES_LOG_REQUESTS=WARN, which nothing read: only -Dmipres.log.requests was. */
    @Test
    void theRequestLinesAreSilencedByTheSystemPropertyOrTheEnvironmentVariable() {
        assertEquals(Level.INFO, LogSetup.requestsLevel(null, null));
        assertEquals(Level.WARN, LogSetup.requestsLevel(null, "WARN"));
        assertEquals(Level.INFO, LogSetup.requestsLevel("INFO", "WARN"));
    }

    /** The appender LogSetup configures, with its filters, in a context of the test's own. */
    private static void withTheAppender(java.util.function.BiConsumer<LoggerContext, AsyncAppender> checks) {
        LoggerContext context = new LoggerContext();
        try {
            new LogSetup().configure(context);
            checks.accept(context, (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC"));
        } finally {
            context.stop();
        }
    }

    private static LoggingEvent event(LoggerContext context, String logger, Level level, String message) {
        return new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message, null, null);
    }
}
