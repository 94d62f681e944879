package co.mipresgateway.server;

/**
 * Paths as they may be logged: every token replaced by ***. The ministry's paths carry the token in the third
 * segment after /api/ ({Transaccion}/{nit}/{token}), except the XPacienteFecha queries
 * ({Transaccion}/{nit}/{fecha}/{token}/...), where it is the fourth. Segments are counted as a client meant them:
 * in any case, and skipping the empty ones a doubled slash makes (such a path is refused, and logged, all the same).
 */
public final class PathMasking {

    private static final String[] API = GatewayServer.API_PATH.substring(1).split("/");
    private static final String PATIENT_QUERY = "XPacienteFecha";

    private PathMasking() {
    }

    /** @param path as the client sent it */
    public static String mask(String path) {
        String[] segments = path.split("/", -1);
        int transaction = afterApi(segments);
        if (transaction < 0) return path;
        String name = segments[transaction];
        int tokenAt = name.regionMatches(true, name.length() - PATIENT_QUERY.length(), PATIENT_QUERY, 0,
                PATIENT_QUERY.length()) ? 3 : 2;
        int at = transaction;
        for (int n = 0; n < tokenAt && at >= 0; n++) at = nextNonEmpty(segments, at + 1);
        if (at < 0) return path;
        segments[at] = "***";
        return String.join("/", segments);
    }

    /** Where the transaction's name is: the first segment after the API's base path, or -1. */
    private static int afterApi(String[] segments) {
        for (int i = nextNonEmpty(segments, 0); i >= 0; i = nextNonEmpty(segments, i + 1)) {
            int at = i;
            for (int n = 0; n < API.length && at >= 0; n++) {
                at = segments[at].equalsIgnoreCase(API[n]) ? nextNonEmpty(segments, at + 1) : -1;
            }
            if (at >= 0) return at;
        }
        return -1;
    }

    private static int nextNonEmpty(String[] segments, int from) {
        for (int i = from; i < segments.length; i++) if (!segments[i].isEmpty()) return i;
        return -1;
    }
}
