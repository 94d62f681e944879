package co.mipresgateway.auth;

import co.mipresgateway.store.Database;
import co.mipresgateway.store.PartyStore;
import co.mipresgateway.store.PartyStore.Lockout;
import co.mipresgateway.store.PartyStore.PrimaryToken;
import co.mipresgateway.suministro.MipresTime;
import java.time.Clock;
import java.time.Duration;

/**
 * GenerarToken (a primary token traded for a session token) and the check of a session token on every other
 * call. Failed GenerarToken tries are counted per NIT in the database, so the lockout holds across instances.
 */
public final class Authenticator {

    /**
     * How tokens behave: validity of a session, the GenerarToken lockout, and whether a new session token ends the
     * NIT's earlier ones (the sandbox's rehearsal of a ministry reported to do so).
     */
    public record Policy(Duration sessionValidity, int lockoutAttempts, Duration lockoutWindow, Duration lockoutDuration,
            Duration sessionTrust, boolean oneSessionPerNit) {
    }

    private final Database database;
    private final PartyStore parties;
    private final Clock clock;
    private final Policy policy;
    private final SessionCache recentSessions;

    public Authenticator(Database database, PartyStore parties, Clock clock, Policy policy) {
        this.database = database;
        this.parties = parties;
        this.clock = clock;
        this.policy = policy;
        // An ended session must be refused at its next call: nothing is trusted without a read when they end so.
        this.recentSessions = new SessionCache(policy.oneSessionPerNit() ? 0 : policy.sessionTrust().toMillis());
    }

    /**
     * Answers a new session token, or throws why not. A failure is counted even though the call fails. The
     * party's row is locked only to count a failure, so that a NIT's successful calls never wait on each other.
     */
    public String generarToken(String nit, String primaryToken) {
        String hash = TokenHashes.hashPrimary(primaryToken);
        Object outcome = database.inTransaction(h -> {
            Lockout lockout = parties.lockout(h, nit, false).orElse(null);
            if (lockout == null) return AuthFailure.badPrimaryToken(nit, primaryToken);
            long now = clock.millis();
            if (lockout.lockedAt(now)) return locked(lockout, now);
            PrimaryToken match = matching(parties.activePrimaryTokens(h, nit), hash);
            if (match == null) return countFailure(h, nit, primaryToken, parties.lockout(h, nit, true).orElseThrow(), now);
            // The right secret past its end is no guess: not counted, and told apart so the party asks for a new one.
            long endMs = match.vence() == null ? Long.MAX_VALUE : match.vence().atZone(MipresTime.BOGOTA).toInstant().toEpochMilli();
            if (endMs <= now) return AuthFailure.primaryTokenEnded(PartyStore.lastValidDay(match.vence()));
            if (lockout.failures() > 0 || lockout.lockedUntilMs() > 0) parties.saveLockout(h, nit, new Lockout(0, 0, 0));
            if (policy.oneSessionPerNit()) {
                parties.deleteSessions(h, nit);
            } else {
                parties.deleteExpiredSessions(h, nit, now);
            }
            String session = TokenHashes.newSessionToken();
            parties.insertSession(h, TokenHashes.hashSession(session), nit, match.id(),
                    Math.min(now + policy.sessionValidity().toMillis(), endMs));
            return session;
        });
        if (outcome instanceof AuthFailure failure) throw failure;
        return (String) outcome;
    }

    private static AuthFailure locked(Lockout lockout, long now) {
        return AuthFailure.locked(Math.max(1, Duration.ofMillis(lockout.lockedUntilMs() - now).toMinutes() + 1));
    }

    /** Every active primary token is compared, in constant time each, so timing says nothing of which matched. */
    private static PrimaryToken matching(Iterable<PrimaryToken> tokens, String hash) {
        PrimaryToken match = null;
        for (PrimaryToken token : tokens) {
            if (TokenHashes.sameHash(token.hash(), hash)) match = token;
        }
        return match;
    }

    private AuthFailure countFailure(org.jdbi.v3.core.Handle h, String nit, String primaryToken, Lockout lockout, long now) {
        if (lockout.lockedAt(now)) return locked(lockout, now);
        boolean windowOver = now - lockout.firstFailureMs() > policy.lockoutWindow().toMillis();
        int failures = windowOver ? 1 : lockout.failures() + 1;
        long first = windowOver ? now : lockout.firstFailureMs();
        if (failures >= policy.lockoutAttempts()) {
            parties.saveLockout(h, nit, new Lockout(0, 0, now + policy.lockoutDuration().toMillis()));
            return AuthFailure.locked(policy.lockoutDuration().toMinutes());
        }
        parties.saveLockout(h, nit, new Lockout(failures, first, 0));
        return AuthFailure.badPrimaryToken(nit, primaryToken);
    }

    /** Who carries this session token for this NIT; throws when the token is unknown, another's or expired. */
    public Caller authenticate(String nit, String sessionToken) {
        if (nit == null || sessionToken == null || sessionToken.isBlank()) throw AuthFailure.unknownToken(nit, sessionToken);
        String hash = TokenHashes.hashSession(sessionToken.trim());
        long now = clock.millis();
        PartyStore.Session session = recentSessions.get(hash, now);
        if (session == null) {
            session = database.read(h -> parties.session(h, hash)).orElseThrow(() -> AuthFailure.unknownToken(nit, sessionToken));
            recentSessions.put(session, now);
        }
        if (!TokenHashes.sameHash(session.tokenHash(), hash) || !session.nit().equals(nit)) {
            throw AuthFailure.unknownToken(nit, sessionToken);
        }
        if (session.expiresMs() <= now) throw AuthFailure.expired();
        return new Caller(session.nit(), session.rol(), session.codigo());
    }
}
