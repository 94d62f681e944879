package co.mipresgateway.client;

/**
 * The service answered, and not with success: the HTTP status and the answer's {@code Message} (the ministry's
 * error shape). A 5xx or a 408 is worth retrying; any other status is the service's final word on that request.
 */
public class MipresException extends RuntimeException {

    private final int status;

    public MipresException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * Worth sending again: a failure of the service itself (5xx; the request may or may not have been recorded), or
     * a request the service did not receive whole in time (408; nothing was recorded).
     */
    public boolean isWorthRetrying() {
        return status >= 500 || status == 408;
    }
}
