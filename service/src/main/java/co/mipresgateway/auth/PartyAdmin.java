package co.mipresgateway.auth;

import co.mipresgateway.store.Database;
import co.mipresgateway.store.PartyStore;
import co.mipresgateway.store.PartyStore.PrimaryTokenInfo;
import co.mipresgateway.suministro.MipresTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** What an operator does: register parties, issue and revoke their primary tokens. */
public final class PartyAdmin {

    private final Database database;
    private final PartyStore parties;
    private final Clock clock;

    /** The party table's columns: a longer value was refused by the database with a stack trace. */
    private static final int NOMBRE_MAXIMO = 200;
    private static final int CODIGO_MAXIMO = 20;

    public PartyAdmin(Database database, PartyStore parties, Clock clock) {
        this.database = database;
        this.parties = parties;
        this.clock = clock;
    }

    public void addParty(Party party) {
        if (!party.nit().matches("\\d{5,15}")) throw new IllegalArgumentException("El NIT debe tener de 5 a 15 dígitos.");
        if (party.nombre() == null || party.nombre().isBlank()) throw new IllegalArgumentException("La parte necesita un nombre.");
        keepable("El nombre", party.nombre(), NOMBRE_MAXIMO);
        if (party.rol() == Rol.EPS && (party.codigo() == null || party.codigo().isBlank())) {
            throw new IllegalArgumentException("Una EPS necesita su código (CodEPS).");
        }
        if (party.codigo() != null) keepable("El código (CodEPS)", party.codigo(), CODIGO_MAXIMO);
        database.inTransaction(h -> {
            if (parties.find(h, party.nit()).isPresent()) {
                throw new IllegalArgumentException("Ya existe una parte con el NIT " + party.nit() + ".");
            }
            parties.insert(h, party, MipresTime.now(clock));
            return null;
        });
    }

    /** A text the party table keeps as it is: within its column, and without control characters PostgreSQL refuses. */
    private static void keepable(String what, String value, int maximum) {
        if (value.length() > maximum) {
            throw new IllegalArgumentException(what + " admite a lo sumo " + maximum + " caracteres (tiene " + value.length() + ").");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " contiene un carácter de control; quítelo.");
        }
    }

    /**
     * Issues a new random primary token: the only time it is shown in clear. With a {@code lastValidDay} it is
     * refused from the day after (Bogotá); without one it is valid until revoked.
     */
    public String issueToken(String nit, LocalDate lastValidDay) {
        LocalDateTime now = MipresTime.now(clock);
        if (lastValidDay != null && lastValidDay.isBefore(now.toLocalDate())) {
            throw new IllegalArgumentException("El último día de validez (" + lastValidDay + ") ya pasó.");
        }
        String token = TokenHashes.newPrimaryToken();
        insertToken(nit, token, now, lastValidDay == null ? null : PartyStore.venceAfter(lastValidDay));
        return token;
    }

    /** Registers a given primary token without an end (the sandbox's well-known demo tokens). Returns its id. */
    public long addToken(String nit, String token) {
        return insertToken(nit, token, MipresTime.now(clock), null);
    }

    private long insertToken(String nit, String token, LocalDateTime now, LocalDateTime vence) {
        return database.inTransaction(h -> {
            requireParty(h, nit);
            return parties.insertPrimaryToken(h, nit, TokenHashes.hashPrimary(token), now, vence);
        });
    }

    public boolean revokeToken(String nit, long tokenId) {
        return database.inTransaction(h -> {
            requireParty(h, nit);
            return parties.revokePrimaryToken(h, nit, tokenId, MipresTime.now(clock));
        });
    }

    /**
     * Ends a NIT's GenerarToken lockout and forgets its failed tries, so that a party that locked itself out (an ERP
     * sending an old token five times) can work again at once, without waiting out the lockout. Answers the lockout as
     * it was.
     */
    public PartyStore.Lockout unlock(String nit) {
        return database.inTransaction(h -> {
            PartyStore.Lockout was = parties.lockout(h, nit, true)
                    .orElseThrow(() -> new IllegalArgumentException("No existe una parte con el NIT " + nit + "."));
            parties.saveLockout(h, nit, new PartyStore.Lockout(0, 0, 0));
            return was;
        });
    }

    public List<PartyStore.ListedParty> parties() {
        return database.read(parties::all);
    }

    /** A NIT no party has is an operator's typo, not a party without tokens. */
    public List<PrimaryTokenInfo> tokens(String nit) {
        return database.read(h -> {
            requireParty(h, nit);
            return parties.primaryTokens(h, nit);
        });
    }

    /** Creates the party and token when missing; leaves them as they are otherwise. */
    public void ensure(Party party, String token) {
        boolean missingParty = database.read(h -> parties.find(h, party.nit()).isEmpty());
        if (missingParty) addParty(party);
        boolean missingToken = database.read(h -> !parties.hasPrimaryToken(h, TokenHashes.hashPrimary(token)));
        if (missingToken) addToken(party.nit(), token);
    }

    private void requireParty(Handle h, String nit) {
        if (parties.find(h, nit).isEmpty()) throw new IllegalArgumentException("No existe una parte con el NIT " + nit + ".");
    }
}
