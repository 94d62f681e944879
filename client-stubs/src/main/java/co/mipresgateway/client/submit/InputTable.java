package co.mipresgateway.client.submit;

import java.util.List;

/** What was read from the input: its headers in order and its rows. */
record InputTable(InputFormat format, List<String> headers, List<InputRow> rows) {
}
