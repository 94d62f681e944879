package co.mipresgateway.store;

import java.sql.SQLException;
import java.util.function.Predicate;

/** A failure's chain of causes: what the databases said in it (SQLSTATE, error code), and where it started. */
public final class Causes {

    private Causes() {
    }

    /** Whether any SQLException in the chain, wherever Jdbi, the pool or a face wrapped it, is the one looked for. */
    public static boolean anySql(Throwable error, Predicate<SQLException> lookedFor) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && lookedFor.test(sql)) return true;
        }
        return false;
    }

    /** Whether any SQLException in the chain carries one of these SQLSTATEs. */
    public static boolean anySqlState(Throwable error, Predicate<String> state) {
        return anySql(error, sql -> sql.getSQLState() != null && state.test(sql.getSQLState()));
    }

    /** The cause the chain started from. */
    public static Throwable root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root;
    }
}
