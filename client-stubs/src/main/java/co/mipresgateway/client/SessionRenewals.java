package co.mipresgateway.client;

import java.time.Duration;

/**
 * How a call whose session token is refused renews it, REST and SOAP alike. A token refused within a minute of its
 * making did not expire: another process of the same NIT renewed its own, which ends the earlier ones as the ministry
 * is reported to do. Renewing at once would end that one's in turn, and the two would take the token from each other
 * faster than either makes a call; so a young token is renewed after a jittered wait, growing with each renewal of the
 * call, in which the other's calls go through, and the other waits likewise in its turn. An older token expired: it
 * is renewed at once. A refused session token means the call was not made, so sending it again (a PUT too) doubles
 * nothing.
 */
final class SessionRenewals {

    /** Renewals within one call before its refusal is handed to the caller. */
    static final int MOST = 8;
    static final Duration YOUNG = Duration.ofMinutes(1);
    private static final RetryPolicy WAITS = new RetryPolicy(MOST, Duration.ofMillis(50), Duration.ofSeconds(1));

    private SessionRenewals() {
    }

    /**
     * Waits, when the refused token was young, before the call's {@code renewals + 1}th renewal; false when
     * interrupted (the interrupt kept for the caller).
     */
    static boolean waitBeforeRenewing(boolean refusedTokenWasYoung, int renewals) {
        if (!refusedTokenWasYoung) return true;
        try {
            Thread.sleep(WAITS.delayAfter(renewals + 1).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
