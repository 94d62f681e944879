package co.mipresgateway.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read /metrics: anyone, or, when the operator set a secret ({@code mipres.metrics.secret}), only a request
 * that carries it as a bearer credential. The counts say how busy the gateway is and which transactions fail, which
 * is no one's business but the operator's once the gateway is reachable from the internet.
 */
public final class MetricsAccess {

    static final String REFUSAL = "GET /metrics pide la credencial del operador: envíe 'Authorization: Bearer <secreto>'"
            + " con el valor de MIPRES_METRICS_SECRET (en Prometheus, authorization.credentials del trabajo de raspado).";
    private static final String BEARER = "bearer ";

    private final byte[] secret;

    private MetricsAccess(byte[] secret) {
        this.secret = secret;
    }

    /** An empty secret lets anyone read /metrics, as before the setting existed. */
    public static MetricsAccess of(String secret) {
        return new MetricsAccess(secret == null || secret.isBlank() ? null : secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    boolean allows(String authorization) {
        if (secret == null) return true;
        if (authorization == null || authorization.length() < BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time, as for every other credential the gateway checks.
        return MessageDigest.isEqual(secret, given);
    }
}
