package co.mipresgateway.store;

/**
 * The embedded database's file could not be written (a full disk, a file size limit, a failing disk). A transaction
 * committed before that may or may not be in the file: its caller is told to look before sending it again.
 */
public final class StorageFailure extends RuntimeException {

    StorageFailure(Throwable cause) {
        super("the database file could not be written", cause);
    }
}
