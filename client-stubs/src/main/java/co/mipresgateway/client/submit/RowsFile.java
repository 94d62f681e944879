package co.mipresgateway.client.submit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The file of rows that {@code submit} sends and {@code revisar} checks, and where their results go. */
final class RowsFile {

    @Parameters(index = "0", paramLabel = "TIPO", description = "programaciones, entregas o reportes")
    SubmissionKind kind;

    @Parameters(index = "1", paramLabel = "ARCHIVO", description = "las filas: .csv (o .txt con tabuladores), .jsonl (o .json, una lista) o .xlsx")
    Path input;

    @Option(names = "--results", description = "archivo de resultados (por defecto ARCHIVO.results.<ext>)")
    Path results;

    /**
     * A message when the input is not there, when {@code --results} is a folder or in none, or when it names another
     * format than the input's: the results are written in the input's format, and a workbook named .csv (or a CSV named
     * .xlsx) opens in nothing. Else null.
     */
    String unusable() {
        if (!input.toFile().isFile()) return "no existe el archivo " + input;
        String notAFile = results == null ? null
                : notAFileName("--results", results, "del archivo de resultados", ResultsWriter.defaultPath(input).getFileName());
        if (notAFile != null) return notAFile;
        if (results != null && !ofTheInputsFormat(results)) {
            return "--results " + results + " debe ser del formato del archivo de filas (" + input.getFileName()
                    + "): los resultados son sus filas con tres columnas más, en su formato.";
        }
        return null;
    }

    /** Whether the file's extension gives the input's format (.csv and .txt are one; .jsonl, .ndjson and .json another). */
    private boolean ofTheInputsFormat(Path file) {
        InputFormat inputs;
        try {
            inputs = InputFormat.of(input);
        } catch (IllegalArgumentException noFormat) {
            return true;   // the input's own format is refused when it is read, naming it
        }
        try {
            return InputFormat.of(file) == inputs;
        } catch (IllegalArgumentException noFormat) {
            return false;
        }
    }

    /**
     * The file's rows, read before any session is opened: a file that cannot be used is then exit code 2 whether or not
     * the service answers, not 4 ("run again later") while it is down. Null once why is printed to {@code err}.
     */
    InputTable readOrTell(PrintStream err) {
        try {
            return InputReader.read(input);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println(FailureText.of(e));
            return null;
        }
    }

    /**
     * A message when {@code journal} is a folder, is in none, or is the rows' file or the results file, else null: the
     * results written at the end of the run would replace the journal, and the journal's lines would be appended to the
     * rows.
     */
    String journalProblem(Path journal) {
        String notAFile = notAFileName("--journal", journal, "del diario", Path.of(input.getFileName() + ".journal"));
        if (notAFile != null) return notAFile;
        if (same(journal, input)) return "--journal " + journal + " es el archivo de las filas: dé otro (por defecto ARCHIVO.journal)";
        if (same(journal, resultsFile())) return "--journal " + journal + " es también el archivo de resultados: dé otro a cada uno";
        return null;
    }

    /**
     * A message when an option's file is a folder (naming the file it could hold) or is in none, else null. Said before
     * anything is sent: found when the file was first written, the journal's after the session opened.
     */
    private static String notAFileName(String option, Path file, String whose, Path example) {
        if (file.toFile().isDirectory()) {
            return option + " " + file + " es una carpeta: dé el nombre " + whose + " (por ejemplo " + file.resolve(example) + ").";
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || folder.toFile().isDirectory()) return null;
        return option + " " + file + ": no existe la carpeta " + folder + ".";
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    Path resultsFile() {
        return results != null ? results : ResultsWriter.defaultPath(input);
    }
}
