package co.mipresgateway.store;

import java.sql.SQLException;

/** Tells the service when a write lost a race to another one for the same active step. */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    /** Both databases report a broken UNIQUE constraint with SQLState 23505. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }
}
