package co.mipresgateway.client.submit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of the first sheet as text, one row at a time, as POI's streaming handler reads them: the row's number as
 * Excel shows it (from 1) and its cells by column, an empty text where a cell holds nothing.
 */
final class SheetCells {

    /** How the JDK begins a number it could not read: {@code For input string: "dos"}. */
    private static final String NUMBER_REFUSED = "For input string: ";

    /** What is done with each row as it is read. */
    interface RowConsumer {
        void row(int number, List<String> cells);
    }

    private SheetCells() {
    }

    static void read(FirstSheet sheet, RowConsumer consumer) throws IOException {
        Rows rows = new Rows(consumer);
        try (InputStream data = sheet.data()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(sheet.reader.getStylesTable(),
                    sheet.reader.getSharedStringsTable(), rows, new NumberCellText(sheet.date1904), false));
            parser.parse(new InputSource(data));
        } catch (SAXException | ParserConfigurationException | InvalidFormatException | RuntimeException unreadable) {
            // RuntimeException too: POI's handler parses a row's number or a cell's address unchecked ("r=\"x\"").
            throw new IllegalArgumentException("No se pudo leer la hoja «" + sheet.name + "» (" + why(unreadable, rows.row + 1)
                    + "): ábrala en Excel y guarde el libro de nuevo, o guárdela como CSV.");
        }
    }

    /**
     * POI's words, but for the two slips a hand-made workbook is known to make, which the JDK's words leave unsaid: a
     * row or cell numbered other than in digits ("For input string: \"dos\""), and a text cell whose index points past
     * the workbook's shared texts ("Index 7 out of bounds for length 2").
     */
    private static String why(Exception unreadable, int row) {
        if (unreadable instanceof NumberFormatException && unreadable.getMessage() != null
                && unreadable.getMessage().startsWith(NUMBER_REFUSED)) {
            return "el número de una fila o la referencia de una celda no es válido: "
                    + unreadable.getMessage().substring(NUMBER_REFUSED.length());
        }
        if (unreadable instanceof IndexOutOfBoundsException) {
            return "una celda de texto de la fila " + row + " remite a un texto compartido que el libro no tiene";
        }
        return unreadable.getMessage();
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        /** How POI's handler writes an error cell (#N/A, #DIV/0!) before what Excel shows. */
        private static final String ERROR_PREFIX = "ERROR:";

        private final RowConsumer consumer;
        private final List<String> cells = new ArrayList<>();
        private int row;

        Rows(RowConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            consumer.row(row + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            // A cell without its reference (some generators leave it out) is the one after the last.
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) cells.add("");
            if (formattedValue == null) return;
            String text = formattedValue.startsWith(ERROR_PREFIX + "#") ? formattedValue.substring(ERROR_PREFIX.length())
                    : formattedValue;
            cells.set(column, text.strip());
        }
    }
}
