package co.mipresgateway.suministro;

/** A record that does not exist, or belongs to another party: both read the same, so nothing leaks. */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
