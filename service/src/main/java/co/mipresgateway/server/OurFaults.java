package co.mipresgateway.server;

import co.mipresgateway.store.Causes;
import co.mipresgateway.store.ReadOnlyPostgresConnections;
import co.mipresgateway.store.StorageFailure;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.slf4j.Logger;

/**
 * What a request that failed for some other reason than its contents is told, on either face. A body cut short or
 * badly encoded is the client's doing: a 400. A body that stopped arriving is the network's: a 408, to send again.
 * A busy database (a row lock
 * not had in time, a deadlock, a serialization failure, no pooled connection in time) rolled the request's
 * transaction back whole: nothing was written and the same request may well succeed a moment later, so it is told
 * so, as a 503. A database lost mid-request is a 503 too, telling the caller to look before sending again. Anything
 * else is a fault of ours: its cause goes to the log only, the caller gets the request id to quote.
 */
public final class OurFaults {

    /**
     * PostgreSQL's serialization failure, deadlock, lock not available, and statement cancelled (a statement_timeout set
     * for the gateway's role, an operator's pg_cancel_backend); H2's are SQLTransientExceptions.
     */
    private static final Set<String> BUSY_STATES = Set.of("40001", "40P01", "55P03", "57014");
    /** PostgreSQL's admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> LOST_STATES = Set.of("57P01", "57P02", "57P03");

    private OurFaults() {
    }

    /**
     * What a failed request is told, the same on both faces: its HTTP status (the SOAP face keeps a fault's own),
     * the Retry-After it carries, if any, and how it is logged. Checked in this order: a pool that could not
     * connect is also a transient SQL error, and a busy one must not be taken for a lost connection or a failed disk.
     */
    public enum Kind {
        CUT(400, null, "ended early: its body was cut or badly encoded, or its client went away"),
        STALLED(408, null, "stalled"),
        UNREACHABLE(503, "5", "found no database"),
        STORAGE_REFUSED(503, "30", "was refused: the database cannot write to its disk"),
        STORAGE(503, "30", "could not be written to the database's disk"),
        READ_ONLY(503, "5", "was refused: the database accepts only reads"),
        BUSY(503, "1", "rolled back, the database was busy"),
        LOST(503, "5", "lost its database connection"),
        OURS(500, null, "failed");

        public final int status;
        /** Seconds, as the header says them; null when the answer carries none. */
        public final String retryAfter;
        private final String logged;

        Kind(int status, String retryAfter, String logged) {
            this.status = status;
            this.retryAfter = retryAfter;
            this.logged = logged;
        }

        public String message(String requestId) {
            return switch (this) {
                case CUT -> CutBodies.MESSAGE;
                case STALLED -> StalledRequests.MESSAGE;
                case UNREACHABLE -> unreachable(requestId);
                case STORAGE_REFUSED -> storageRefused(requestId);
                case STORAGE -> storage(requestId);
                case READ_ONLY -> readOnly(requestId);
                case BUSY -> busy(requestId);
                case LOST -> lost(requestId);
                case OURS -> internal(requestId);
            };
        }

        /**
         * A fault of ours with its stack trace; the others in one line, with the face's own account of the cause (a
         * cut body's is always Jetty's early end of file: not repeated).
         */
        public void log(Logger log, String requestId, Throwable error, String cause) {
            switch (this) {
                case CUT -> log.info("Request {} {}", requestId, logged);
                case STALLED -> log.info("Request {} {}: {}", requestId, logged, cause);
                case OURS -> log.error("Request {} failed", requestId, error);
                default -> log.warn("Request {} {}: {}", requestId, logged, cause);
            }
        }
    }

    public static Kind kindOf(Throwable error) {
        if (CutBodies.cut(error)) return Kind.CUT;
        if (StalledRequests.stalled(error)) return Kind.STALLED;
        if (StorageFailure.refusedBeforeStarting(error)) return Kind.STORAGE_REFUSED;   // whatever the failure behind it
        if (postgresDiskFull(error)) return Kind.STORAGE_REFUSED;
        if (databaseWasUnreachable(error)) return Kind.UNREACHABLE;
        if (databaseWasBusy(error)) return Kind.BUSY;
        if (StorageFailure.causedIt(error)) return Kind.STORAGE;
        if (ReadOnlyPostgresConnections.refusedTheWrite(error)) return Kind.READ_ONLY;
        if (databaseWasLost(error)) return Kind.LOST;
        return Kind.OURS;
    }

    /**
     * No connection could be had because the pool's attempts to open one failed (the database is down or refuses
     * the gateway), as against a pool merely busy: the pool then names the last failure as the cause. Nothing of
     * the request reached the database.
     */
    static boolean databaseWasUnreachable(Throwable error) {
        return Causes.anySql(error, sql -> sql instanceof SQLTransientConnectionException && sql.getCause() != null);
    }

    public static String unreachable(String requestId) {
        return "La base de datos no responde y no se guardó nada de esta solicitud: envíela de nuevo en unos momentos."
                + " (solicitud " + requestId + ")";
    }

    public static String storage(String requestId) {
        return "El servicio no pudo escribir en su disco (lleno o fallando); una escritura pudo quedar guardada o no:"
                + " consúltela (...XPrescripcion) antes de enviarla de nuevo, en unos minutos. (solicitud " + requestId + ")";
    }

    /**
     * PostgreSQL could not extend a file (SQLSTATE 53100, disk_full): the statement failed and the request's transaction
     * was rolled back whole. A commit itself extends no data file (PostgreSQL stops rather than lose its WAL), so nothing
     * of the request was kept.
     */
    static boolean postgresDiskFull(Throwable error) {
        return Causes.anySqlState(error, "53100"::equals);
    }

    /**
     * Nothing of the request was done, the database being unable to write to its disk: refused before it reached the
     * embedded database while its file is closed, or rolled back by PostgreSQL with its disk full.
     */
    public static String storageRefused(String requestId) {
        return "El servicio no puede escribir en su disco (lleno o fallando) y no atendió esta solicitud; no se guardó nada"
                + " de ella: envíela de nuevo en unos minutos. (solicitud " + requestId + ")";
    }

    public static String readOnly(String requestId) {
        return "La base de datos solo admite lecturas en este momento (un cambio de servidor en curso) y no se guardó nada"
                + " de esta solicitud: envíela de nuevo en unos momentos. (solicitud " + requestId + ")";
    }

    static boolean databaseWasBusy(Throwable error) {
        return Causes.anySql(error, sql -> sql instanceof SQLTransientException)
                || Causes.anySqlState(error, BUSY_STATES::contains);
    }

    /**
     * The connection to the database broke during the request (PostgreSQL restarted, a network cut, the backend
     * terminated): SQLSTATE class 08, or 57P01-57P03. Unlike a busy database, the request may have been committed
     * just before the break, so the caller is told to look before sending a write again.
     */
    static boolean databaseWasLost(Throwable error) {
        return Causes.anySqlState(error, state -> state.startsWith("08") || LOST_STATES.contains(state));
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
