package co.mipresgateway.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Every log line of the gateway (in this JVM) while it is open, with the messages of the exceptions logged. */
final class CapturedLog implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    CapturedLog() {
        lines.start();
        root.addAppender(lines);
    }

    /** All of it as one text: each line's message, then every cause's class and message. */
    String text() {
        StringBuilder text = new StringBuilder();
        synchronized (lines.list) {
            for (ILoggingEvent line : lines.list) {
                text.append(line.getLevel()).append(' ').append(line.getFormattedMessage()).append('\n');
                for (IThrowableProxy t = line.getThrowableProxy(); t != null; t = t.getCause()) {
                    text.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(lines);
        lines.stop();
    }
}
