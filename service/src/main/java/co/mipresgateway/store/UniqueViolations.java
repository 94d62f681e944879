package co.mipresgateway.store;

/** Tells the service when a write lost a race to another one for the same active step. */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    /** Both databases report a broken UNIQUE constraint with SQLState 23505. */
    public static boolean isUniqueViolation(Throwable error) {
        return Causes.anySqlState(error, "23505"::equals);
    }
}
