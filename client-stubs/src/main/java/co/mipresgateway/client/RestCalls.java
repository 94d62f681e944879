package co.mipresgateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One HTTP exchange with the Suministro API: the path built and encoded, the answer bound or turned into an error. */
final class RestCalls {

    private final HttpClient http;
    private final URI apiBase;
    private final Duration requestTimeout;
    private final ObjectMapper mapper = ClientJson.mapper();

    RestCalls(HttpClient http, URI apiBase, Duration requestTimeout) {
        this.http = http;
        this.apiBase = apiBase;
        this.requestTimeout = requestTimeout;
    }

    JavaType string() {
        return mapper.constructType(String.class);
    }

    JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    <T> T get(JavaType answer, String transaction, String... segments) {
        // Real clients send Content-Type on a GET too; the ministry accepts it, so do we.
        return exchange(answer, request(transaction, segments).GET().header("Content-Type", "application/json").build());
    }

    <T> T put(JavaType answer, Object body, String transaction, String... segments) {
        byte[] json;
        try {
            json = body == null ? new byte[0] : mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be written as JSON", e);
        }
        return exchange(answer, request(transaction, segments).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private HttpRequest.Builder request(String transaction, String... segments) {
        StringBuilder path = new StringBuilder(transaction);
        for (String segment : segments) path.append('/').append(encode(segment));
        return HttpRequest.newBuilder(apiBase.resolve(path.toString())).timeout(requestTimeout)
                .header("Accept", "application/json");
    }

    /** A path segment: a session token's "=" becomes %3D, as the ministry's clients send it. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T exchange(JavaType answer, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException notSent) {
            throw new MipresTransportException(describe(request) + ": no se pudo conectar con " + request.uri().getAuthority()
                    + " (" + Objects.requireNonNullElse(notSent.getMessage(), notSent.getClass().getSimpleName()) + ")", notSent, false);
        } catch (IOException e) {
            throw new MipresTransportException(describe(request) + ": sin respuesta (" + e + ")", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MipresTransportException(describe(request) + ": interrumpida", e, true);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                T value = mapper.readValue(response.body(), answer);
                // A query with no records answered "null" (not "[]") would reach the caller as a null list.
                @SuppressWarnings("unchecked")
                T none = value == null && answer.isCollectionLikeType() ? (T) List.of() : value;
                return none;
            } catch (JsonProcessingException e) {
                throw new MipresException(status, "la respuesta no es el JSON esperado (" + e.getOriginalMessage() + ")"
                        + beginning(response.body()));
            } catch (IOException e) {
                throw new MipresException(status, "la respuesta no es el JSON esperado (" + e.getMessage() + ")");
            }
        }
        if (status >= 300 && status < 400) {
            // The HTTP client does not follow redirects: a PUT sent again elsewhere is not this client's to decide.
            throw new MipresException(status, "HTTP " + status + ": el servicio responde desde otra dirección ("
                    + hostOf(response.headers().firstValue("Location").orElse(null)) + "): úsela como dirección del servicio");
        }
        throw refusal(status, response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }

    private MipresException refusal(int status, byte[] body, String retryAfter) {
        String message = "HTTP " + status;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode json = body.length == 0 ? null : mapper.readTree(body);
            if (json != null && json.hasNonNull("Message")) message = json.get("Message").asText();
            if (json != null && json.has("Errors")) json.get("Errors").forEach(e -> errors.add(e.asText()));
            if (json != null && json.has("ModelState")) {
                json.get("ModelState").fields().forEachRemaining(f -> f.getValue().forEach(e -> errors.add(f.getKey() + ": " + e.asText())));
            }
        } catch (IOException notJson) {
            message = message + beginning(body);
        }
        if (status == 422) return new MipresValidationException(status, message, errors);
        if (!errors.isEmpty()) return new MipresValidationException(status, message, errors);
        return new MipresException(status, message, seconds(retryAfter));
    }

    /** Where a redirect points, its host alone: the whole Location would carry the session token of the path. */
    private static String hostOf(String location) {
        try {
            URI to = location == null ? null : URI.create(location);
            return to != null && to.getScheme() != null && to.getAuthority() != null ? to.getScheme() + "://" + to.getAuthority() : "sin Location";
        } catch (IllegalArgumentException notAUri) {
            return "sin Location";
        }
    }

    /** ": " and the body's first 200 characters, to tell an error page from an answer; nothing for an empty body. */
    private static String beginning(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) return "";
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    /** Retry-After in seconds, as the gateway and most services write it; its HTTP-date form is left unread. */
    private static Duration seconds(String retryAfter) {
        if (retryAfter == null || !retryAfter.strip().matches("\\d{1,6}")) return null;
        return Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
    }

    private static String describe(HttpRequest request) {
        String path = request.uri().getPath();
        int cut = path.indexOf("/api/");
        String transaction = cut < 0 ? path : path.substring(cut + 5);
        int slash = transaction.indexOf('/');
        return request.method() + " " + (slash < 0 ? transaction : transaction.substring(0, slash));
    }
}
