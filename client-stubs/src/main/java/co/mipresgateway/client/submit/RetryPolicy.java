package co.mipresgateway.client.submit;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the wait doubles from {@code base} up to {@code max}, and each wait is drawn
 * between half and all of it, so that many workers that failed together do not all come back together.
 */
record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    Duration delayAfter(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
