package co.mipresgateway.client.submit;

import java.util.List;

/** What was read from the input: its headers in order, its rows, and (CSV) the delimiter and encoding it uses. */
record InputTable(InputFormat format, List<String> headers, List<InputRow> rows, char csvDelimiter, CsvEncoding csvEncoding) {
}
