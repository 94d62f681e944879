package co.mipresgateway.client;

/**
 * No answer came: a timeout or a broken connection. When {@link #mayHaveReachedService()} is true the request
 * may have been recorded all the same, so a PUT must be looked up before it is sent again.
 */
public class MipresTransportException extends RuntimeException {

    private final boolean mayHaveReachedService;

    public MipresTransportException(String message, Throwable cause, boolean mayHaveReachedService) {
        super(message, cause);
        this.mayHaveReachedService = mayHaveReachedService;
    }

    public boolean mayHaveReachedService() {
        return mayHaveReachedService;
    }
}
