package co.mipresgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable checkpoint for a process that reaches the embedded file through another's server (AUTO_SERVER: an
 * operator command beside a running gateway, or a gateway started while an operator command holds the file). The
 * store is in the other process, out of this one's reach; a function of the database is not, since H2 runs it in the
 * process holding the file, with that process's store. CHECKPOINT SYNC over the connection, the alternative, could
 * force the file before a chunk H2 had begun by itself was written, as {@link DurableCheckpoint} tells.
 */
public final class ServerSideCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSideCheckpoint.class);
    /** In the schema every connection starts in, whatever MIPRES_DB_SCHEMA: the group commit's writer sets none. */
    static final String FUNCTION = "public.mipres_durable_checkpoint";

    private ServerSideCheckpoint() {
    }

    /** What H2 runs for {@link #FUNCTION}, in the process holding the file, on the caller's session there. */
    public static void run(Connection connection) throws SQLException {
        DurableCheckpoint.on(DurableCheckpoint.storeOf(connection).orElseThrow(
                () -> new SQLException("the durable checkpoint runs only where the database file is held"))).run();
    }

    /** Makes the function known to the database; only the process holding the file can, since H2 loads it there. */
    static void define(Connection ownConnection) throws SQLException {
        try (Statement statement = ownConnection.createStatement()) {
            statement.execute("CREATE ALIAS IF NOT EXISTS " + FUNCTION + " FOR '" + ServerSideCheckpoint.class.getName() + ".run'");
        }
    }

    /**
     * The statement that runs the durable checkpoint in the process holding the file. CHECKPOINT SYNC where that
     * process is a gateway of a version that did not define the function yet: the best it offers.
     */
    static PreparedStatement on(Connection remoteConnection) throws SQLException {
        try {
            return remoteConnection.prepareStatement("CALL " + FUNCTION + "()");
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.FUNCTION_NOT_FOUND_1 && e.getErrorCode() != ErrorCode.SCHEMA_NOT_FOUND_1) throw e;
            LOG.warn("The process holding the database file defines no durable checkpoint (an older version): this one's"
                    + " writes are forced with CHECKPOINT SYNC, which may run ahead of a chunk H2 began by itself");
            return remoteConnection.prepareStatement("CHECKPOINT SYNC");
        }
    }
}
