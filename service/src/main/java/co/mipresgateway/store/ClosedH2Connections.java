package co.mipresgateway.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * H2 closes itself after a write to its file fails, and its pooled connections then fail for ever with "The database
 * has been closed", which is not among the SQL states the pool takes for a dead connection: they are evicted, and the
 * {@link StorageGate} is shut at the first sign of the failure, so that the pool makes new ones only once the file is
 * opened again and the service recovers by itself when the disk has room again.
 */
final class ClosedH2Connections implements SQLExceptionOverride {

    private final StorageGate gate;

    ClosedH2Connections(StorageGate gate) {
        this.gate = gate;
    }

    @java.lang.Override
    public Override adjudicate(SQLException error) {
        // Seen here first, on the request's own thread, as the statement fails: no other connection is lent after it.
        if (StorageFailure.causedIt(error)) gate.shut(error);
        return StorageFailure.h2Closed(error) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
