package co.mipresgateway.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The service answered, and not with success: the HTTP status and the answer's {@code Message} (the ministry's
 * error shape). A 5xx or a 408 is worth retrying; any other status is the service's final word on that request.
 */
public class MipresException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public MipresException(int status, String message) {
        this(status, message, null);
    }

    public MipresException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /**
     * How long the service asked to be left alone before this request is sent again (its {@code Retry-After}): 1 s
     * when it is busy, 5 s while its database changes server, 30 s while its disk is full.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The service said that nothing of this request was kept, so it may be sent again without looking first whether
     * it was recorded: a 408 (the request did not arrive whole, so it was never carried out), or a refusal whose
     * Message says "no se guardó nada", as this gateway says of every request it turned away unfinished (busy, stopping,
     * its database unreachable or read-only, its disk full). Any other 5xx may have been recorded.
     */
    public boolean nothingWasKept() {
        return status == 408 || (getMessage() != null && getMessage().contains("no se guardó nada"));
    }

    /**
     * Worth sending again: a failure of the service itself (5xx; the request may or may not have been recorded), or
     * a request the service did not receive whole in time (408; nothing was recorded).
     */
    public boolean isWorthRetrying() {
        return status >= 500 || status == 408;
    }
}
