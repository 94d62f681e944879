package co.mipresgateway.store;

/** Tells the service when a write lost a race to another one for the same active step. */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return Rows.isUniqueViolation(error);
    }
}
