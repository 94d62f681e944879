package co.mipresgateway.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What an operator graphs and alerts on, in Prometheus' text at {@code GET /metrics}: requests by transaction and
 * status (how many deliveries were refused, how many 503s a full disk caused), the database pool (requests waiting
 * for a connection), the JVM. Never a NIT, a token or any value of a request: the tags are our own names.
 */
public final class GatewayMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The face a request came by: its own tag, so that the same transaction's counts add up across both. */
    enum Face { REST, SOAP }

    /** One timer per face, transaction and status, found without building tags again on every request. */
    private final Map<Face, ConcurrentHashMap<String, ConcurrentHashMap<Integer, Timer>>> timers = Map.of(
            Face.REST, new ConcurrentHashMap<>(), Face.SOAP, new ConcurrentHashMap<>());
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /**
     * A few bounds, not a full histogram (about 70 buckets a series): enough for the share answered within 20 ms (the
     * bench's p99 target) and a rough p99 per transaction, at a few lines of scrape each.
     */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    public GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** @param transaction one of a bounded set of names (see {@link RequestMetrics}), never a path as sent */
    void record(Face face, String transaction, int status, long nanos) {
        timers.get(face).computeIfAbsent(transaction, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> Timer.builder("mipres.requests")
                        .description("Requests answered, by face, transaction and HTTP status (over SOAP, the status REST would have answered)")
                        .tag("face", face.name()).tag("transaction", transaction).tag("status", Integer.toString(s))
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text format, version 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
