package co.mipresgateway.suministro;

/** How an answer quotes a value the client sent: the same on every refusal, whichever part of the service refuses it. */
public final class SentValues {

    private static final int SHOWN_LENGTH = 40;

    private SentValues() {
    }

    /** At most 40 characters of what was sent: enough to recognise it, and an answer no longer than the body. */
    public static String cut(String value) {
        return value.length() > SHOWN_LENGTH ? value.substring(0, SHOWN_LENGTH) + "…" : value;
    }
}
