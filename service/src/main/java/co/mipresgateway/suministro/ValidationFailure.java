package co.mipresgateway.suministro;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * When this refusal says the step already exists, the same refusal naming the record that exists ("... ya existe
     * una entrega activa (IdEntrega 5000005)."): a client that sent a PUT again because it lost the first answer
     * learns the id it missed without another query. The lookup runs only then.
     */
    ValidationFailure naming(String idName, Supplier<Optional<Long>> existing) {
        String said = getMessage();
        if (!said.contains("ya existe") || !said.endsWith(".")) return this;
        Optional<Long> id = existing.get();
        if (id.isEmpty()) return this;
        String named = said.substring(0, said.length() - 1) + " (" + idName + " " + id.get() + ").";
        List<String> lines = errors.stream().map(line -> line.endsWith(said) ? line.replace(said, named) : line).toList();
        return new ValidationFailure(named, lines);
    }
}
