package co.mipresgateway.client;

/**
 * A PUT got no final answer within its attempts (timeouts, 5xx): the step may or may not have been recorded. Try
 * again later; the client looks it up before it sends it again (see {@link ExactlyOnce}).
 */
public class MipresOutcomeUnknownException extends RuntimeException {

    public MipresOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    public MipresOutcomeUnknownException(int attempts, Throwable lastFailure) {
        super("sin respuesta definitiva tras " + attempts + " intentos ("
                + (lastFailure instanceof MipresException e ? "HTTP " + e.status() + ": " + e.getMessage()
                        : lastFailure == null ? "sin respuesta" : lastFailure.getMessage()) + ")", lastFailure);
    }
}
