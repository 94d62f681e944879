package co.mipresgateway.client.submit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the first sheet of an .xlsx, read as the sheet streams by, each row kept only as the text of its cells:
 * the rows of a large workbook fit in little memory.
 */
final class WorkbookRows {

    private WorkbookRows() {
    }

    /** The sheet's rows under its header, the first row that holds anything, as a CSV's first line is. */
    static InputTable read(Path file) throws IOException {
        try (FirstSheet sheet = FirstSheet.open(file)) {
            List<Integer> numbers = new ArrayList<>();
            List<List<String>> cells = new ArrayList<>();
            SheetCells.read(sheet, (number, row) -> {
                // Rows of formatted empty cells (a blank row above the table, a sheet formatted down to its last row)
                // are no rows: the header is the first row that says something.
                if (row.stream().allMatch(String::isBlank)) return;
                numbers.add(number);
                cells.add(row);
            });
            // An empty first sheet in a workbook with others is refused: the rows are elsewhere, and reading none
            // would end the run with nothing sent and nothing said.
            if (cells.isEmpty() && sheet.othersFollow) {
                throw new IllegalArgumentException("La primera hoja («" + sheet.name + "») de " + file.getFileName()
                        + " está vacía, y solo se lee la primera hoja del libro: ponga primero la hoja de las filas"
                        + " (arrastre su pestaña al comienzo), o guárdela como CSV.");
            }
            List<String> headers = InputReader.headerOf(cells.isEmpty() ? List.of() : cells.get(0), "La primera fila de la hoja «"
                    + sheet.name + "» de " + file.getFileName() + " (solo se lee la primera hoja del libro)");
            List<InputRow> rows = new ArrayList<>(cells.size());
            for (int i = 1; i < cells.size(); i++) {
                List<String> row = cells.get(i);
                cells.set(i, null);   // let go as its values are made: a large sheet is not held twice
                Map<String, String> values = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    String value = c < row.size() ? row.get(c) : "";
                    if (!value.isBlank()) empty = false;
                    values.put(headers.get(c), value);
                }
                // A row with nothing under the header's columns is no row (a note beside the table is no delivery).
                if (!empty) rows.add(new InputRow(numbers.get(i), values));
            }
            return new InputTable(InputFormat.XLSX, headers, cells.isEmpty() ? 0 : numbers.get(0), rows, ',', CsvEncoding.UTF8);
        }
    }
}
