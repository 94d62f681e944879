package co.mipresgateway.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Session tokens per NIT, kept until they are due to expire. Many threads that find the same token refused ask
 * for one new token, not one each: a new token is generated only if the refused one is still the cached one.
 */
public final class SessionTokens {

    private record Cached(String token, Instant expires) {
    }

    private final Map<String, Cached> byNit = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    public SessionTokens(Duration lifetime, Clock clock) {
        this.lifetime = Arguments.positive(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cached token of a NIT, or a new one from {@code generate} when there is none or it is due. */
    public String current(String nit, Supplier<String> generate) {
        Cached cached = byNit.get(nit);
        if (cached != null && clock.instant().isBefore(cached.expires())) return cached.token();
        synchronized (lockOf(nit)) {
            cached = byNit.get(nit);
            if (cached != null && clock.instant().isBefore(cached.expires())) return cached.token();
            return store(nit, generate.get());
        }
    }

    /** The service refused {@code refused}: a fresh token, generated once however many callers saw the refusal. */
    public String renew(String nit, String refused, Supplier<String> generate) {
        synchronized (lockOf(nit)) {
            Cached cached = byNit.get(nit);
            if (cached != null && !cached.token().equals(refused) && clock.instant().isBefore(cached.expires())) {
                return cached.token();
            }
            return store(nit, generate.get());
        }
    }

    /** Whether {@code token} is still the NIT's cached token and was made less than {@code age} ago. */
    public boolean isCurrentAndYoungerThan(String nit, String token, Duration age) {
        Cached cached = byNit.get(nit);
        return cached != null && cached.token().equals(token)
                && clock.instant().isBefore(cached.expires().minus(lifetime).plus(age));
    }

    public void forget(String nit) {
        byNit.remove(nit);
    }

    private String store(String nit, String token) {
        byNit.put(nit, new Cached(token, clock.instant().plus(lifetime)));
        return token;
    }

    private Object lockOf(String nit) {
        return locks.computeIfAbsent(nit, n -> new Object());
    }
}
