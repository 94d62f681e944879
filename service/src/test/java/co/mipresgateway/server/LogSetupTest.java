package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @Test
    void cxfsLineForAnAnswerCutShortIsLeftToTheGatewaysOwnButItsOtherErrorsAreKept() {
        LoggerContext context = new LoggerContext();
        try {
            new LogSetup().configure(context);
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(lines);

            Logger cxf = context.getLogger("org.apache.cxf.jaxrs.utils.JAXRSUtils");
            cxf.error("Problem with writing the data, class co.mipresgateway.suministro.Records, ContentType: application/json");
            cxf.error("No message body writer has been found for class X, ContentType: application/json");
            context.getLogger("co.mipresgateway.rest.UnexpectedErrorMapper").error("Problem with writing the data, ours");

            assertEquals(List.of("No message body writer has been found for class X, ContentType: application/json",
                    "Problem with writing the data, ours"),
                    lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            context.stop();
        }
    }
}
