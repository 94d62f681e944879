package co.mipresgateway.client;

/**
 * The service answered, and not with success: the HTTP status and the answer's {@code Message} (the ministry's
 * error shape). A 5xx is worth retrying; any other status is the service's final word on that request.
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

    /** A failure of the service itself (5xx): the request may or may not have been recorded. */
    public boolean isServerFailure() {
        return status >= 500;
    }
}
