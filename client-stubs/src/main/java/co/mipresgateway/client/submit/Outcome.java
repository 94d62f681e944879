package co.mipresgateway.client.submit;

import java.util.List;

/** How a row ended in this run. */
record Outcome(Status status, Long resultId, List<String> errors) {

    enum Status {
        /** Recorded by the service (now, or in an earlier run): resultId is its id. */
        OK,
        /** Refused by the service (a 422 and the like): not recorded; fix the row and run again. */
        ERROR,
        /** Refused before sending: the row itself is malformed. */
        INVALIDA,
        /** No final answer within the attempts allowed: the journal remembers it; run again to finish it. */
        PENDIENTE,
        /** Checked by {@code revisar} and fit to be sent; nothing was sent. */
        VALIDA,
        /** {@code conciliar}: the service has the row's record, active, with the row's values; resultId is its id. */
        COINCIDE,
        /** {@code conciliar}: the service has the row's record, active, with other values (named in errors). */
        DIFIERE,
        /** {@code conciliar}: the service has no active record of this step for the row's ID. */
        FALTA
    }

    static Outcome ok(long resultId) {
        return new Outcome(Status.OK, resultId, List.of());
    }

    static Outcome error(List<String> errors) {
        return new Outcome(Status.ERROR, null, errors);
    }

    static Outcome invalid(List<String> problems) {
        return new Outcome(Status.INVALIDA, null, problems);
    }

    static Outcome valid() {
        return new Outcome(Status.VALIDA, null, List.of());
    }

    static Outcome matches(long resultId) {
        return new Outcome(Status.COINCIDE, resultId, List.of());
    }

    static Outcome differs(long resultId, List<String> differences) {
        return new Outcome(Status.DIFIERE, resultId, differences);
    }

    static Outcome missing(String why) {
        return new Outcome(Status.FALTA, null, List.of(why));
    }

    static Outcome pending(String why) {
        return new Outcome(Status.PENDIENTE, null, List.of(why));
    }
}
