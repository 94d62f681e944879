package co.mipresgateway.rest;

import co.mipresgateway.contract.Mensaje;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one HTTP method each transaction takes, and what the API answers for any other.
 * <ul>
 * <li>HEAD is refused (405). JAX-RS would answer it by running the GET it stands for, and the API's GETs are
 * transactions: a link checker or monitor probing GenerarToken would count failed tries (locking the NIT out) or
 * issue sessions. The ministry's ASP.NET Web API refuses HEAD too; {@code GET /} and {@code /health} still answer it.
 * <li>{@code Allow} (on a 405, and on an OPTIONS answer) names the transaction's own method: the framework's lists
 * every method of the whole resource class, so a GET on {@code Entrega} was told "GET, PUT, OPTIONS, HEAD". The 405's
 * message names the method too, for the integrator who reads the body and not the headers (a POST, which many HTTP
 * libraries send a body with, where the ministry takes PUT).
 * </ul>
 */
public final class TransactionMethods implements ContainerRequestFilter, ContainerResponseFilter {

    private final Map<String, String> allowByTransaction = new HashMap<>();
    private final Map<String, Mensaje> refusalByTransaction = new HashMap<>();

    /** @param resource the class whose {@code @Path}s name the transactions ("Entrega/{nit}/{token}") */
    public TransactionMethods(Class<?> resource) {
        Map<String, TreeSet<String>> methods = new HashMap<>();
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            String verb = httpMethod(method);
            if (path != null && verb != null) {
                methods.computeIfAbsent(path.value().split("/", 2)[0], name -> new TreeSet<>()).add(verb);
            }
        }
        methods.forEach((name, verbs) -> {
            allowByTransaction.put(name, String.join(",", verbs) + "," + HttpMethod.OPTIONS);
            refusalByTransaction.put(name, ErrorBodies.mensaje(WebApplicationErrorMapper.METHOD_NOT_ALLOWED_PREFIX + ": " + name
                    + " se invoca con " + String.join(" o ", verbs) + "."));
        });
    }

    /** Runs after matching: a HEAD here has matched a GET (a path without one was refused before, as any 405). */
    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            request.abortWith(ErrorBodies.message(405, WebApplicationErrorMapper.METHOD_NOT_ALLOWED));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 405 && !response.getHeaders().containsKey(HttpHeaders.ALLOW)) return;
        var segments = request.getUriInfo().getPathSegments();
        String name = segments.isEmpty() ? null : segments.get(0).getPath();
        String allow = allowByTransaction.get(name);
        if (allow == null) return;
        response.getHeaders().putSingle(HttpHeaders.ALLOW, allow);
        if (response.getStatus() == 405) response.setEntity(refusalByTransaction.get(name));
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) return verb.value();
        }
        return null;
    }
}
