package co.mipresgateway.server;

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
 * An operator command line that cannot be read, told in Spanish as the commands' answers are (picocli's own words
 * are English), then the command's usage; exit code 2, as picocli's.
 */
final class OperatorUsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(inSpanish(e));
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String inSpanish(ParameterException e) {
        if (e instanceof MissingParameterException missing) {
            return "Falta " + missing.getMissing().stream().map(OperatorUsageErrors::named).collect(Collectors.joining(", "));
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            String what = unmatched.isUnknownOption() ? "Opción desconocida: "
                    : unmatched.getCommandLine().getSubcommands().isEmpty() ? "Sobra: " : "Comando desconocido: ";
            return what + String.join(" ", unmatched.getUnmatched());
        }
        ArgSpec arg = e.getArgSpec();
        if (arg == null && e.getMessage().startsWith("Missing required subcommand")) {
            List<String> names = e.getCommandLine().getSubcommands().values().stream()
                    .filter(sub -> !sub.getCommandSpec().usageMessage().hidden()).map(CommandLine::getCommandName).toList();
            return "Falta el comando: " + listed(names, " o ");
        }
        if (arg == null || e.getValue() == null) return e.getMessage();
        Class<?> type = arg.type();
        String given = named(arg) + ": '" + e.getValue() + "'";
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toUpperCase(Locale.ROOT)).toList();
            return given + " no es " + listed(names, " ni ");
        }
        if (type == long.class || type == Long.class) return given + " no es un número entero";
        return e.getMessage();
    }

    /** "a, b o c": the names, the last after the word. */
    private static String listed(List<String> names, String lastWord) {
        if (names.size() < 2) return String.join("", names);
        return String.join(", ", names.subList(0, names.size() - 1)) + lastWord + names.get(names.size() - 1);
    }

    private static String named(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
