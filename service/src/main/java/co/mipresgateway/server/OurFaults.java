package co.mipresgateway.server;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What a request that failed through no fault of its caller is told, on either face. A busy database (a row lock
 * not had in time, a deadlock, a serialization failure, no pooled connection in time) rolled the request's
 * transaction back whole: nothing was written and the same request may well succeed a moment later, so it is told
 * so, as a 503. A database lost mid-request is a 503 too, telling the caller to look before sending again. Anything
 * else is a fault of ours: its cause goes to the log only, the caller gets the request id to quote.
 */
public final class OurFaults {

    /** PostgreSQL's serialization failure, deadlock and lock not available (H2's are SQLTransientExceptions). */
    private static final Set<String> BUSY_STATES = Set.of("40001", "40P01", "55P03");
    /** PostgreSQL's admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> LOST_STATES = Set.of("57P01", "57P02", "57P03");

    private OurFaults() {
    }

    /**
     * No connection could be had because the pool's attempts to open one failed (the database is down or refuses
     * the gateway), as against a pool merely busy: the pool then names the last failure as the cause. Nothing of
     * the request reached the database.
     */
    public static boolean databaseWasUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException && t.getCause() != null) return true;
        }
        return false;
    }

    public static String unreachable(String requestId) {
        return "La base de datos no responde y no se guardó nada de esta solicitud: envíela de nuevo en unos momentos."
                + " (solicitud " + requestId + ")";
    }

    public static boolean databaseWasBusy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) return true;
            if (t instanceof SQLException sql && BUSY_STATES.contains(sql.getSQLState())) return true;
        }
        return false;
    }

    /**
     * The connection to the database broke during the request (PostgreSQL restarted, a network cut, the backend
     * terminated): SQLSTATE class 08, or 57P01-57P03. Unlike a busy database, the request may have been committed
     * just before the break, so the caller is told to look before sending a write again.
     */
    public static boolean databaseWasLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || LOST_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static String lost(String requestId) {
        return "Se perdió la conexión con la base de datos durante la solicitud; una escritura pudo quedar guardada o no:"
                + " consúltela (...XPrescripcion) antes de enviarla de nuevo. (solicitud " + requestId + ")";
    }

    public static String busy(String requestId) {
        return "La base de datos está ocupada y no se guardó nada de esta solicitud: envíela de nuevo en un momento."
                + " (solicitud " + requestId + ")";
    }

    public static String internal(String requestId) {
        return "Error interno del servidor. Cite la solicitud " + requestId + ".";
    }
}
