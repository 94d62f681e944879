package co.mipresgateway.server;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The id of the request on this thread: sent back in X-Request-Id, written in its log line and errors. */
public final class RequestIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Pattern TAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String current() {
        String id = CURRENT.get();
        return id == null ? "-" : id;
    }

    static void set(String id) {
        CURRENT.set(id);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Keeps a caller's own id when it is tame, so one id follows the request through both systems. */
    static String accept(String incoming) {
        if (incoming != null && TAME.matcher(incoming).matches()) return incoming;
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
