package co.mipresgateway.client.submit;

import java.util.List;

/**
 * What was read from the input: its headers in order and the number of their row as the user sees it (0 where there is
 * none: a JSON Lines file, an empty file), its rows, and (CSV) the delimiter and encoding it uses.
 */
record InputTable(InputFormat format, List<String> headers, int headerRow, List<InputRow> rows, char csvDelimiter,
        CsvEncoding csvEncoding) {
}
