package co.mipresgateway.client.submit;

import java.util.List;
import java.util.Map;

/**
 * One data row of the input: its number as the user sees it (the spreadsheet's row, the file's line) and its
 * values by header, headers as written in the file.
 */
record InputRow(int number, Map<String, String> values, List<String> readingProblems) {

    /**
     * @param readingProblems why the line could not be read as a row (a JSON Lines line that is no object, a CSV line
     *                        longer than its header): such a row is refused with these alone, and never sent
     */
    InputRow {
        readingProblems = List.copyOf(readingProblems);
    }

    InputRow(int number, Map<String, String> values) {
        this(number, values, List.of());
    }

    /** The value of a field, its header matched without regard to case; null when absent or blank. */
    String get(String field) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                String v = e.getValue();
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }
}
