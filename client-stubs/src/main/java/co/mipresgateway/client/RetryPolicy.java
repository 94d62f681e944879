package co.mipresgateway.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the wait doubles from {@code base} up to {@code max}, and each wait is drawn
 * between half and all of it, so that many workers that failed together do not all come back together.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    /** The longest a service's Retry-After is obeyed: a wrong header must not stall a batch for hours. */
    public static final Duration LONGEST_ASKED_WAIT = Duration.ofSeconds(60);

    /** Checked here: a policy is first used after a failure, when a wrong one would hide what happened. */
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
        Arguments.notNegative(base, "base");
        Arguments.notNegative(max, "max");
    }

    /** The backoff, or what the service asked for (up to a minute) when that is longer. */
    public Duration delayAfter(int attempt, Optional<Duration> serviceAsked) {
        Duration backoff = delayAfter(attempt);
        Duration asked = serviceAsked.map(d -> d.compareTo(LONGEST_ASKED_WAIT) > 0 ? LONGEST_ASKED_WAIT : d).orElse(Duration.ZERO);
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
