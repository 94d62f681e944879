package co.mipresgateway.client.submit;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line the client cannot read, told in Spanish as the rest of its text (picocli's own words are
 * English), then the command's usage; exit code 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(inSpanish(e));
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("¿Quiso decir " + String.join(" o ", unmatched.getSuggestions()) + "?");
        }
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String inSpanish(ParameterException e) {
        if (e instanceof MissingParameterException missing) {
            return "Falta " + missing.getMissing().stream().map(UsageErrors::named).collect(Collectors.joining(", "));
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            String what = unmatched.isUnknownOption() ? "Opción desconocida: "
                    : unmatched.getCommandLine().getSubcommands().isEmpty() ? "Sobra: " : "Comando desconocido: ";
            return what + String.join(" ", unmatched.getUnmatched());
        }
        ArgSpec arg = e.getArgSpec();
        if (arg == null || e.getValue() == null) return e.getMessage();
        Class<?> type = arg.type();
        String given = named(arg) + ": '" + e.getValue() + "'";
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT)).toList();
            return given + " no es " + String.join(", ", names.subList(0, names.size() - 1)) + " ni " + names.get(names.size() - 1);
        }
        // A conversion of ours (a date, a count: every option that is no enum has one) already says what is wrong in
        // Spanish, after picocli's "...': ".
        String message = e.getMessage();
        int reason = message.indexOf("': ");
        return named(arg) + ": " + (reason < 0 ? message : message.substring(reason + 3));
    }

    private static String named(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
