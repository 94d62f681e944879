package co.mipresgateway.server;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The transactions' names as the resource's {@code @Path}s spell them ("Entrega/{nit}/{token}" is Entrega), and their
 * paths, read once.
 */
public final class TransactionNames {

    private static final String API = GatewayServer.API_PATH + "/";

    private final Map<String, String> byLowerCase = new HashMap<>();
    private final Map<String, String> pathByName = new HashMap<>();
    private final Set<String> names;

    public TransactionNames(Class<?> resource) {
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path != null) {
                String name = path.value().split("/", 2)[0];
                byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
                pathByName.put(name, API + path.value());
            }
        }
        this.names = Set.copyOf(byLowerCase.values());
    }

    /** A transaction's path, with its parts in braces ("/WSSUMMIPRESNOPBS/api/Entrega/{nit}/{token}"), by its name as ours. */
    public String pathOf(String name) {
        return pathByName.get(name);
    }

    /** The transactions' names as ours. */
    public Set<String> names() {
        return names;
    }

    boolean isSpelledRight(String name) {
        return names.contains(name);
    }

    /** The transaction a request path names (the base path in any letter case), spelled as ours; null for none. */
    public String of(String uri) {
        if (!uri.regionMatches(true, 0, API, 0, API.length())) return null;
        return spelledAsOurs(uri.substring(API.length(), nameEnd(uri)));
    }

    /** Where the transaction's name ends in a path under the API: at the next '/', or the path's end. */
    static int nameEnd(String uri) {
        int end = uri.indexOf('/', API.length());
        return end < 0 ? uri.length() : end;
    }

    /** The name as ours whatever its letter case; null for no transaction. */
    String spelledAsOurs(String name) {
        if (names.contains(name)) return name;   // as nearly every client sends it: no lower-casing per request
        return byLowerCase.get(name.toLowerCase(Locale.ROOT));
    }
}
