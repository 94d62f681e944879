package co.mipresgateway.suministro;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a request before answering, so that the caller fixes a body in one round trip.
 * A line that says the step already exists or was already done becomes the summary: clients of the
 * ministry match "ya existe" and "ya fue" in Message to treat the answer as "already done".
 */
public final class Problems {

    static final String SUMMARY = "La solicitud tiene errores de validación.";
    /** What a field that is absent is told ("ID: es obligatorio."); the REST face looks for it to name a misspelling. */
    public static final String MISSING = "es obligatorio.";

    private final List<String> lines = new ArrayList<>();
    private String alreadyDone;

    public void add(String field, String text) {
        lines.add(field + ": " + text);
    }

    /** A problem that means the work is already done: it becomes the answer's Message. */
    public void alreadyDone(String field, String text) {
        add(field, text);
        if (alreadyDone == null) alreadyDone = text;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public void throwIfAny() {
        if (!lines.isEmpty()) throw new ValidationFailure(alreadyDone != null ? alreadyDone : SUMMARY, lines);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
