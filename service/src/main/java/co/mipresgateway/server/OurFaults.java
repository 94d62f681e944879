package co.mipresgateway.server;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What a request that failed through no fault of its caller is told, on either face. A busy database (a row lock
 * not had in time, a deadlock, a serialization failure, no pooled connection in time) rolled the request's
 * transaction back whole: nothing was written and the same request may well succeed a moment later, so it is told
 * so, as a 503. Anything else is a fault of ours: its cause goes to the log only, the caller gets the request id to
 * quote.
 */
public final class OurFaults {

    /** PostgreSQL's serialization failure, deadlock and lock not available (H2's are SQLTransientExceptions). */
    private static final Set<String> BUSY_STATES = Set.of("40001", "40P01", "55P03");

    private OurFaults() {
    }

    public static boolean databaseWasBusy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) return true;
            if (t instanceof SQLException sql && BUSY_STATES.contains(sql.getSQLState())) return true;
        }
        return false;
    }

    public static String busy(String requestId) {
        return "La base de datos está ocupada y no se guardó nada de esta solicitud: envíela de nuevo en un momento."
                + " (solicitud " + requestId + ")";
    }

    public static String internal(String requestId) {
        return "Error interno del servidor. Cite la solicitud " + requestId + ".";
    }
}
