package co.mipresgateway.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * A pooled connection to a PostgreSQL that accepts only reads (a standby after a failover moved the primary, a server
 * or role set to default_transaction_read_only) refuses every write with SQLSTATE 25006, and would go on refusing
 * after the primary is back at the configured address until the pool retires it (30 minutes). Evicted at its first
 * refusal, it is replaced by a connection made afresh, which reaches whichever server accepts writes by then.
 */
public final class ReadOnlyPostgresConnections implements SQLExceptionOverride {

    private static final String READ_ONLY_SQL_TRANSACTION = "25006";

    @java.lang.Override
    public Override adjudicate(SQLException error) {
        return READ_ONLY_SQL_TRANSACTION.equals(error.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }

    /**
     * Whether the error is PostgreSQL refusing a write because it accepts only reads: the statement was refused and
     * the transaction rolled back, so nothing of it was kept.
     */
    public static boolean refusedTheWrite(Throwable error) {
        return Causes.anySqlState(error, READ_ONLY_SQL_TRANSACTION::equals);
    }
}
