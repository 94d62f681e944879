package co.mipresgateway.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * H2 closes itself after a write to its file fails, and its pooled connections then fail for ever with "The database
 * has been closed", which is not among the SQL states the pool takes for a dead connection. Evicted, they are replaced
 * by connections that open the file afresh, so that the service recovers by itself once the disk has room again.
 */
final class ClosedH2Connections implements SQLExceptionOverride {

    /** H2's ErrorCode.DATABASE_IS_CLOSED. */
    static final int DATABASE_IS_CLOSED = 90098;

    @java.lang.Override
    public Override adjudicate(SQLException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_IS_CLOSED) return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }
}
