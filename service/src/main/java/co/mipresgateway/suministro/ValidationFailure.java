package co.mipresgateway.suministro;

import java.util.List;

/**
 * A request the rules refuse: a summary and one Spanish line per problem, each naming its field.
 * Both faces turn it into the ministry's 422 shape (REST) or a fault with the same lines (SOAP).
 */
public final class ValidationFailure extends RuntimeException {

    private final List<String> errors;

    public ValidationFailure(String message, List<String> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
