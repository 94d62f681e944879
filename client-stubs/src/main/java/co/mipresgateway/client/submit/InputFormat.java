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
        throw new IllegalArgumentException("el archivo " + file.getFileName() + " no es .csv, .jsonl ni .xlsx: "
                + "guárdelo en uno de esos formatos");
    }
}
