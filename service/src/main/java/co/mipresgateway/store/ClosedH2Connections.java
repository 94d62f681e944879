package co.mipresgateway.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * H2 closes itself after a write to its file fails, and its pooled connections then fail for ever with "The database
 * has been closed", which is not among the SQL states the pool takes for a dead connection. Evicted, they are replaced
 * by connections that open the file afresh, so that the service recovers by itself once the disk has room again.
 */
final class ClosedH2Connections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException error) {
        return StorageFailure.h2Closed(error) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
