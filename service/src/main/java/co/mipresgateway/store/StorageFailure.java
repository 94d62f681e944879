package co.mipresgateway.store;

import java.io.IOException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded database's file could not be written (a full disk, a file size limit, a failing disk). A transaction
 * committed before that may or may not be in the file: its caller is told to look before sending it again.
 */
public final class StorageFailure extends RuntimeException {

    StorageFailure(Throwable cause) {
        super("the database file could not be written", cause);
    }

    /**
     * Whether the error comes of the embedded database's file not being written: the group commit's own failure,
     * H2's failed write, or H2 closed after one.
     */
    public static boolean causedIt(Throwable error) {
        if (h2Closed(error)) return true;
        boolean h2Store = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StorageFailure) return true;
            // H2's store failing to write (its lock timeouts are MVStoreExceptions too, without an IOException)
            if (t instanceof MVStoreException) h2Store = true;
            if (h2Store && t instanceof IOException) return true;
        }
        return false;
    }

    /** H2 closed itself after a write to its file failed: what its connections answer from then on. */
    static boolean h2Closed(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) return true;
        }
        return false;
    }
}
