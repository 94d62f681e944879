package co.mipresgateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(15));

    @Test
    void aServicesRetryAfterLongerThanTheBackoffIsWaitedOut() {
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(1, Optional.of(Duration.ofSeconds(5))));
    }

    @Test
    void aServicesRetryAfterIsObeyedUpToAMinute() {
        assertEquals(RetryPolicy.LONGEST_ASKED_WAIT, policy.delayAfter(1, Optional.of(Duration.ofHours(2))));
    }

    @Test
    void theBackoffStandsWhenItIsLongerThanWhatWasAskedOrNothingWas() {
        Duration asked = Duration.ofMillis(1);
        Duration delay = policy.delayAfter(8, Optional.of(asked));
        assertTrue(delay.compareTo(Duration.ofMillis(7_500)) >= 0, delay.toString());
        Duration none = policy.delayAfter(1, Optional.empty());
        assertTrue(none.compareTo(Duration.ofMillis(100)) >= 0 && none.compareTo(Duration.ofMillis(200)) <= 0, none.toString());
    }
}
