package co.mipresgateway.auth;

import co.mipresgateway.store.PartyStore.Session;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently checked session tokens, so that a busy client does not cost a database read per call. An entry is
 * trusted for a few seconds only: a primary token revoked by an operator (from another process, or another
 * instance) ends its sessions everywhere within that time. Expiry itself is always checked on the token.
 */
final class SessionCache {

    private static final int MAX_ENTRIES = 50_000;

    private record Entry(Session session, long trustedUntilMs) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long trustMs;

    SessionCache(long trustMs) {
        this.trustMs = trustMs;
    }

    Session get(String tokenHash, long nowMs) {
        Entry entry = entries.get(tokenHash);
        if (entry == null) return null;
        if (entry.trustedUntilMs() <= nowMs) {
            entries.remove(tokenHash, entry);
            return null;
        }
        return entry.session();
    }

    void put(Session session, long nowMs) {
        // A crude bound: dropping everything now and then costs a few reads, never a wrong answer.
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(session.tokenHash(), new Entry(session, nowMs + trustMs));
    }
}
