package co.mipresgateway.client;

import java.util.List;
import java.util.Locale;

/** A 422 (or a SOAP Fallo): the body broke the contract's rules. Every problem is in {@link #errors()}. */
public class MipresValidationException extends MipresException {

    private final List<String> errors;

    public MipresValidationException(int status, String message, List<String> errors) {
        super(status, message);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }

    /** Every problem; the Message alone when the service listed none (a SOAP fault may carry only that). */
    public List<String> problems() {
        return errors.isEmpty() ? List.of(getMessage()) : errors;
    }

    /**
     * The step was already recorded: the ministry's clients treat a refusal saying "ya existe" or "ya fue" as
     * "already done", and so do we.
     */
    public boolean isAlreadyDone() {
        if (mentionsAlreadyDone(getMessage())) return true;
        return errors.stream().anyMatch(MipresValidationException::mentionsAlreadyDone);
    }

    private static boolean mentionsAlreadyDone(String text) {
        if (text == null) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("ya existe") || lower.contains("ya fue");
    }

    @Override
    public String toString() {
        return getMessage() + " " + errors;
    }
}
