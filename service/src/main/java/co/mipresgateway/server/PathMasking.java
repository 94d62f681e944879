package co.mipresgateway.server;

import java.util.Locale;

/**
 * Paths as they may be logged: every token replaced by ***. The ministry's paths carry the token in the third
 * segment after /api/ ({Transaccion}/{nit}/{token}), except the XPacienteFecha queries
 * ({Transaccion}/{nit}/{fecha}/{token}/...), where it is the fourth.
 */
public final class PathMasking {

    private static final String API = GatewayServer.API_PATH + "/";
    private static final String API_LOWER_CASE = API.toLowerCase(Locale.ROOT);
    private static final String PATIENT_QUERY = "XPacienteFecha";

    private PathMasking() {
    }

    /** @param path as the client sent it, in any case (the ministry's paths are matched without regard to it) */
    public static String mask(String path) {
        int start = path.indexOf(API);
        if (start < 0) start = path.toLowerCase(Locale.ROOT).indexOf(API_LOWER_CASE);
        if (start < 0) return path;
        String[] segments = path.substring(start + API.length()).split("/", -1);
        String transaction = segments[0];
        int tokenAt = transaction.regionMatches(true, transaction.length() - PATIENT_QUERY.length(), PATIENT_QUERY, 0,
                PATIENT_QUERY.length()) ? 3 : 2;
        if (segments.length > tokenAt) segments[tokenAt] = "***";
        return path.substring(0, start + API.length()) + String.join("/", segments);
    }
}
