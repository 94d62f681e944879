package co.mipresgateway.store;

import co.mipresgateway.auth.Party;
import co.mipresgateway.auth.Rol;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Parties, their primary tokens and session tokens (hashes only), and the GenerarToken lockout counters. */
public final class PartyStore {

    public record Lockout(int failures, long firstFailureMs, long lockedUntilMs) {

        /** Whether GenerarToken is refused to the party at {@code nowMs}. */
        public boolean lockedAt(long nowMs) {
            return lockedUntilMs > nowMs;
        }
    }

    /** A party as an operator's list shows it: with its GenerarToken lockout. */
    public record ListedParty(Party party, Lockout lockout) {
    }

    /** {@code vence}: the first moment (Bogotá) the token is no longer valid; null while it has no end. */
    public record PrimaryToken(long id, String hash, LocalDateTime vence) {
    }

    public record PrimaryTokenInfo(long id, String nit, LocalDateTime creado, LocalDateTime revocado, LocalDateTime vence) {
    }

    /** A session token found by its hash, with what the caller needs to be known as. */
    public record Session(String tokenHash, String nit, long expiresMs, Rol rol, String codigo) {
    }

    /**
     * A token valid through {@code lastValidDay} (Bogotá) is stored with vence the next midnight: its first moment no
     * longer valid.
     */
    public static LocalDateTime venceAfter(LocalDate lastValidDay) {
        return lastValidDay.plusDays(1).atStartOfDay();
    }

    /** The day an operator gave for a stored vence: the last one on which the token is valid. */
    public static LocalDate lastValidDay(LocalDateTime vence) {
        return vence.toLocalDate().minusDays(1);
    }

    /** The lockout counters as a query's first three columns. */
    private static final String LOCKOUT_COLUMNS = "fallos, primer_fallo_ms, bloqueado_hasta_ms";
    private static final RowMapper<Lockout> LOCKOUT_MAPPER = (rs, ctx) -> new Lockout(rs.getInt(1), rs.getLong(2), rs.getLong(3));
    private static final String LOCKOUT = "SELECT " + LOCKOUT_COLUMNS + " FROM party WHERE nit = ?";

    private static final RowMapper<Party> PARTY = (rs, ctx) -> new Party(rs.getString("nit"), rs.getString("nombre"),
            Rol.valueOf(rs.getString("rol")), rs.getString("codigo"));

    public Optional<Party> find(Handle h, String nit) {
        return h.createQuery("SELECT nit, nombre, rol, codigo FROM party WHERE nit = ?").bind(0, nit)
                .map(PARTY).findOne();
    }

    public List<ListedParty> all(Handle h) {
        return h.createQuery("SELECT " + LOCKOUT_COLUMNS + ", nit, nombre, rol, codigo FROM party ORDER BY nit")
                .map((rs, ctx) -> new ListedParty(PARTY.map(rs, ctx), LOCKOUT_MAPPER.map(rs, ctx))).list();
    }

    public void insert(Handle h, Party party, LocalDateTime now) {
        h.createUpdate("INSERT INTO party (nit, nombre, rol, codigo, creado) VALUES (?, ?, ?, ?, ?)")
                .bind(0, party.nit()).bind(1, party.nombre()).bind(2, party.rol().name()).bind(3, party.codigo())
                .bind(4, now).execute();
    }

    /** Reads the lockout counters; {@code forUpdate} also locks the party's row until the transaction ends. */
    public Optional<Lockout> lockout(Handle h, String nit, boolean forUpdate) {
        return h.createQuery(forUpdate ? LOCKOUT + " FOR UPDATE" : LOCKOUT)
                .bind(0, nit)
                .map(LOCKOUT_MAPPER).findOne();
    }

    public void saveLockout(Handle h, String nit, Lockout lockout) {
        h.createUpdate("UPDATE party SET fallos = ?, primer_fallo_ms = ?, bloqueado_hasta_ms = ? WHERE nit = ?")
                .bind(0, lockout.failures()).bind(1, lockout.firstFailureMs()).bind(2, lockout.lockedUntilMs())
                .bind(3, nit).execute();
    }

    public List<PrimaryToken> activePrimaryTokens(Handle h, String nit) {
        return h.createQuery("SELECT id, token_hash, vence FROM primary_token WHERE nit = ? AND revocado IS NULL")
                .bind(0, nit).map((rs, ctx) -> new PrimaryToken(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class))).list();
    }

    public List<PrimaryTokenInfo> primaryTokens(Handle h, String nit) {
        return h.createQuery("SELECT id, nit, creado, revocado, vence FROM primary_token WHERE nit = ? ORDER BY id")
                .bind(0, nit).map((rs, ctx) -> new PrimaryTokenInfo(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class),
                        rs.getObject(5, LocalDateTime.class))).list();
    }

    public boolean hasPrimaryToken(Handle h, String hash) {
        return h.createQuery("SELECT COUNT(*) FROM primary_token WHERE token_hash = ?").bind(0, hash)
                .mapTo(Integer.class).one() > 0;
    }

    public long insertPrimaryToken(Handle h, String nit, String hash, LocalDateTime now, LocalDateTime vence) {
        long id = Sequences.next(h, "seq_primary_token");
        h.createUpdate("INSERT INTO primary_token (id, nit, token_hash, creado, vence) VALUES (?, ?, ?, ?, ?)")
                .bind(0, id).bind(1, nit).bind(2, hash).bind(3, now).bindByType(4, vence, LocalDateTime.class).execute();
        return id;
    }

    /** Revokes a primary token and ends every session opened with it. */
    public boolean revokePrimaryToken(Handle h, String nit, long id, LocalDateTime now) {
        int revoked = h.createUpdate("UPDATE primary_token SET revocado = ? WHERE id = ? AND nit = ? AND revocado IS NULL")
                .bind(0, now).bind(1, id).bind(2, nit).execute();
        h.createUpdate("DELETE FROM session_token WHERE primary_token_id = ?").bind(0, id).execute();
        return revoked > 0;
    }

    public void insertSession(Handle h, String hash, String nit, long primaryTokenId, long expiresMs) {
        h.createUpdate("INSERT INTO session_token (token_hash, nit, primary_token_id, expira_ms) VALUES (?, ?, ?, ?)")
                .bind(0, hash).bind(1, nit).bind(2, primaryTokenId).bind(3, expiresMs).execute();
    }

    /** Expired sessions are kept no longer than the next GenerarToken of their NIT. */
    public void deleteExpiredSessions(Handle h, String nit, long nowMs) {
        h.createUpdate("DELETE FROM session_token WHERE nit = ? AND expira_ms < ?").bind(0, nit).bind(1, nowMs).execute();
    }

    /** Every session of the NIT, expired or not. */
    public void deleteSessions(Handle h, String nit) {
        h.createUpdate("DELETE FROM session_token WHERE nit = ?").bind(0, nit).execute();
    }

    public Optional<Session> session(Handle h, String hash) {
        return h.createQuery("SELECT s.token_hash, s.nit, s.expira_ms, p.rol, p.codigo FROM session_token s "
                        + "JOIN party p ON p.nit = s.nit WHERE s.token_hash = ?")
                .bind(0, hash)
                .map((rs, ctx) -> new Session(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Rol.valueOf(rs.getString(4)), rs.getString(5)))
                .findOne();
    }
}
