package co.mipresgateway.client.submit;

import java.util.List;
import java.util.Map;

/**
 * One data row of the input: its number as the user sees it (the spreadsheet's row, the file's line) and its
 * values by header, headers as written in the file.
 */
record InputRow(int number, Map<String, String> values, List<String> beyondHeader) {

    /**
     * @param beyondHeader the values a CSV line brings past the header's last column: a delimiter inside a value left
     *                     unquoted shifts the ones after it, and the row is not sent
     */
    InputRow {
        beyondHeader = List.copyOf(beyondHeader);
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
