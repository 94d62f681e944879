package co.mipresgateway.store;

import java.io.IOException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded database's file could not be written (a full disk, a file size limit, a failing disk). A transaction
 * committed before that may or may not be in the file: its caller is told to look before sending it again.
 */
public final class StorageFailure extends RuntimeException {

    /** Refused before it reached the database, the file being closed after a failed write: nothing of it was done. */
    private final boolean refusedBeforeStarting;

    StorageFailure(Throwable cause) {
        this(cause, false);
    }

    private StorageFailure(Throwable cause, boolean refusedBeforeStarting) {
        super(refusedBeforeStarting ? "refused: the database file cannot be written" : "the database file could not be written",
                cause);
        this.refusedBeforeStarting = refusedBeforeStarting;
    }

    static StorageFailure refusal(Throwable cause) {
        return new StorageFailure(cause, true);
    }

    /** Whether the error is a request refused before it reached the database while its file cannot be written. */
    public static boolean refusedBeforeStarting(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StorageFailure failure) return failure.refusedBeforeStarting;
        }
        return false;
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

    /**
     * Whether the error comes of the embedded database's file being damaged (its headers or chunks unreadable) or
     * written by an H2 this one cannot read: nothing a restart or free space mends.
     */
    public static boolean damagedFile(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT) return true;
            if (t instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || sql.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1)) {
                return true;
            }
        }
        return false;
    }

    /** H2 closed itself after a write to its file failed: what its connections answer from then on. */
    static boolean h2Closed(Throwable error) {
        return Causes.anySql(error, sql -> sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED);
    }
}
