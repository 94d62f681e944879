package co.mipresgateway.server;

/**
 * Paths as they may be logged: every token replaced by ***. The ministry's paths carry the token in the third
 * segment after /api/ ({Transaccion}/{nit}/{token}), except the XPacienteFecha queries
 * ({Transaccion}/{nit}/{fecha}/{token}/...), where it is the fourth.
 */
public final class PathMasking {

    private static final String API = "/WSSUMMIPRESNOPBS/api/";

    private PathMasking() {
    }

    public static String mask(String path) {
        int start = path.indexOf(API);
        if (start < 0) return path;
        String[] segments = path.substring(start + API.length()).split("/", -1);
        int tokenAt = segments[0].endsWith("XPacienteFecha") ? 3 : 2;
        if (segments.length > tokenAt) segments[tokenAt] = "***";
        return path.substring(0, start + API.length()) + String.join("/", segments);
    }
}
