package co.mipresgateway.client.submit;

import java.nio.file.Path;
import java.util.Locale;

/** The input's format, from its extension; the results file is written in the same one. */
enum InputFormat {
    /** JSON_ARRAY: a {@code .json} that holds one JSON list of objects rather than an object per line; told by its content. */
    CSV("csv"), JSONL("jsonl"), JSON_ARRAY("json"), XLSX("xlsx");

    final String extension;

    InputFormat(String extension) {
        this.extension = extension;
    }

    static InputFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) return CSV;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return JSONL;
        if (name.endsWith(".xlsx")) return XLSX;
        throw new IllegalArgumentException("el archivo " + file.getFileName() + " no se lee: " + hintFor(name)
                + "se leen .csv o .txt (texto separado), .jsonl, .ndjson o .json, y .xlsx.");
    }

    /** Excel's older and OpenDocument workbooks are the likeliest strays from a pharmacy's desk; they name their way out. */
    private static String hintFor(String name) {
        if (name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".xlsb") || name.endsWith(".ods")) {
            return FirstSheet.SAVE_AS_XLSX + "; ";
        }
        return "";
    }
}
