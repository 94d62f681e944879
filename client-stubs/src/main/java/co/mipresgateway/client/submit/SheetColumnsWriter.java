package co.mipresgateway.client.submit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.apache.poi.ss.util.CellReference;

/**
 * A copy of an .xlsx with values set in some columns of its first sheet, the rest of the workbook as it was (other
 * sheets, styles, widths, formulas). The sheet's XML is rewritten as it streams by, one row at a time, and every other
 * part of the package is copied as it is: opening the workbook whole (POI's XSSFWorkbook) to add three columns took over
 * a gigabyte of memory for 50,000 rows. POI has no streaming way to change existing rows, hence this.
 */
final class SheetColumnsWriter {

    /** The most characters Excel holds in a cell. */
    private static final int CELL_TEXT_LIMIT = 32_767;
    private static final XMLInputFactory INPUTS = XMLInputFactory.newFactory();
    private static final XMLOutputFactory OUTPUTS = XMLOutputFactory.newFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();
    /** The reference attribute of a row (its number) and of a cell (its address). */
    private static final QName R = new QName("r");

    static {
        // A sheet's XML never needs a DTD or an outside entity; refusing them keeps a crafted file from reading others.
        INPUTS.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUTS.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final int[] columns;
    /** The header's row, as Excel numbers it. */
    private final int headerRow;
    private final List<Object> header;
    private final Map<Integer, List<Object>> byRow;

    /**
     * @param columns   the columns written, from 0
     * @param headerRow the number of the header's row as Excel shows it; 0 when the sheet has none, and then a first
     *                  row is made for the header, as an empty CSV gets one
     * @param header    the values of the header's row in those columns
     * @param byRow     the values of the other rows written, by the row's number as Excel shows it: a String is written
     *                  as text, a Number as a number, null or an empty text as an empty cell
     */
    SheetColumnsWriter(int[] columns, int headerRow, List<Object> header, Map<Integer, List<Object>> byRow) {
        this.columns = columns.clone();
        this.headerRow = headerRow == 0 ? 1 : headerRow;
        this.header = header;
        this.byRow = byRow;
    }

    void write(Path input, Path output) throws IOException {
        String sheetEntry;
        try (FirstSheet sheet = FirstSheet.open(input)) {
            sheetEntry = sheet.partName.substring(1);
        }
        // The results may be asked into the input itself: the input is read to the end before it is replaced.
        boolean intoInput = Files.exists(output) && Files.isSameFile(input, output);
        Path target = intoInput ? Files.createTempFile(output.toAbsolutePath().getParent(), ".resultados", ".xlsx") : output;
        try {
            copy(input, target, sheetEntry);
            if (intoInput) Files.move(target, output, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            if (intoInput) Files.deleteIfExists(target);
        }
    }

    private void copy(Path input, Path target, String sheetEntry) throws IOException {
        try (ZipFile zip = new ZipFile(input.toFile());
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            boolean rewritten = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(sheetEntry)) {
                        rewriteSheet(in, out);
                        rewritten = true;
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            // A copy without the results must not pass for the results file.
            if (!rewritten) throw new IOException("no se encontró la hoja " + sheetEntry + " en " + input.getFileName());
        }
    }

    private void rewriteSheet(InputStream in, OutputStream out) throws IOException {
        try {
            XMLEventReader events = INPUTS.createXMLEventReader(in);
            XMLEventWriter writer = OUTPUTS.createXMLEventWriter(out, "UTF-8");
            String main = null;
            boolean inSheetData = false;
            boolean headerWritten = false;
            int lastRow = 0;
            while (events.hasNext()) {
                XMLEvent event = events.nextEvent();
                if (event.isStartDocument()) {
                    // Written in UTF-8 whatever the input declared.
                    writer.add(EVENTS.createStartDocument("UTF-8", "1.0", true));
                    continue;
                }
                if (event.isStartElement()) {
                    StartElement start = event.asStartElement();
                    QName name = start.getName();
                    if (main == null) main = name.getNamespaceURI();
                    boolean ours = name.getNamespaceURI().equals(main);
                    if (ours && inSheetData && name.getLocalPart().equals("row")) {
                        Attribute r = start.getAttributeByName(R);
                        int number = r != null ? Integer.parseInt(r.getValue()) : lastRow + 1;
                        lastRow = number;
                        if (!headerWritten && number > headerRow) {
                            newHeaderRow(writer, name);
                            headerWritten = true;
                        }
                        List<Object> values = number == headerRow ? header : byRow.get(number);
                        headerWritten |= number == headerRow;
                        List<XMLEvent> row = restOf(start, events);
                        if (values == null) {
                            writer.add(start);
                            for (XMLEvent e : row) writer.add(e);
                        } else {
                            writeRow(writer, start, number, row, values);
                        }
                        continue;
                    }
                    if (ours && name.getLocalPart().equals("sheetData")) inSheetData = true;
                    if (ours && name.getLocalPart().equals("dimension")) event = widened(start);
                } else if (event.isEndElement() && inSheetData
                        && event.asEndElement().getName().getLocalPart().equals("sheetData")) {
                    inSheetData = false;
                    if (!headerWritten) newHeaderRow(writer, event.asEndElement().getName());
                }
                writer.add(event);
            }
            writer.flush();
        } catch (XMLStreamException | RuntimeException unreadable) {
            throw new IOException("no se pudo escribir la hoja de resultados (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    /** The header's row where the sheet has none (an empty sheet): a row of the header's values alone. */
    private void newHeaderRow(XMLEventWriter writer, QName sibling) throws XMLStreamException {
        String prefix = sibling.getPrefix();
        String namespace = sibling.getNamespaceURI();
        StartElement start = EVENTS.createStartElement(prefix, namespace, "row",
                List.of(EVENTS.createAttribute("r", String.valueOf(headerRow))).iterator(), null);
        writeRow(writer, start, headerRow, List.of(EVENTS.createEndElement(prefix, namespace, "row")), header);
    }

    /** The events after a row's start, to its end included. */
    private static List<XMLEvent> restOf(StartElement start, XMLEventReader events) throws XMLStreamException {
        List<XMLEvent> row = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            XMLEvent event = events.nextEvent();
            if (event.isStartElement()) depth++;
            if (event.isEndElement()) depth--;
            row.add(event);
        }
        return row;
    }

    /** A cell of a row: its column and its events, from its start to its end. */
    private record Cell(int column, List<XMLEvent> events) {
    }

    /**
     * The row with its cells in the written columns replaced, every cell in column order, as Excel requires. Its
     * {@code spans} attribute, a hint of which columns it uses, is left out rather than left wrong.
     */
    private void writeRow(XMLEventWriter writer, StartElement start, int number, List<XMLEvent> row, List<Object> values)
            throws XMLStreamException {
        QName name = start.getName();
        List<Cell> cells = new ArrayList<>();
        List<XMLEvent> others = new ArrayList<>();
        int column = -1;
        // The row's children: its cells, each from its start to its end, and whatever follows them (an extLst).
        for (int i = 0; i < row.size() - 1; i++) {
            XMLEvent event = row.get(i);
            if (event.isStartElement() && event.asStartElement().getName().getLocalPart().equals("c")) {
                Attribute reference = event.asStartElement().getAttributeByName(R);
                column = reference != null ? new CellReference(reference.getValue()).getCol() : column + 1;
                int end = endOf(row, i);
                if (!written(column)) cells.add(new Cell(column, row.subList(i, end + 1)));
                i = end;
            } else if (!event.isCharacters() || !event.asCharacters().isWhiteSpace()) {
                others.add(event);
            }
        }
        for (int i = 0; i < columns.length; i++) cells.add(newCell(name, columns[i], number, values.get(i)));
        cells.sort(Comparator.comparingInt(Cell::column));
        List<Attribute> attributes = attributesBut(start, "spans");
        writer.add(EVENTS.createStartElement(name.getPrefix(), name.getNamespaceURI(), name.getLocalPart(),
                attributes.iterator(), start.getNamespaces()));
        for (Cell cell : cells) {
            for (XMLEvent event : cell.events()) writer.add(event);
        }
        for (XMLEvent event : others) writer.add(event);
        writer.add(row.get(row.size() - 1));
    }

    /** Where the element that starts at {@code start} ends. */
    private static int endOf(List<XMLEvent> events, int start) {
        int depth = 0;
        for (int i = start; ; i++) {
            if (events.get(i).isStartElement()) depth++;
            if (events.get(i).isEndElement() && --depth == 0) return i;
        }
    }

    private boolean written(int column) {
        for (int c : columns) {
            if (c == column) return true;
        }
        return false;
    }

    private static Cell newCell(QName row, int column, int number, Object value) {
        String prefix = row.getPrefix();
        String namespace = row.getNamespaceURI();
        String reference = new CellReference(number - 1, column).formatAsString();
        List<XMLEvent> events = new ArrayList<>();
        if (value == null || value.toString().isEmpty()) {
            events.add(EVENTS.createStartElement(prefix, namespace, "c", List.of(EVENTS.createAttribute("r", reference)).iterator(), null));
        } else if (value instanceof Number n) {
            events.add(EVENTS.createStartElement(prefix, namespace, "c", List.of(EVENTS.createAttribute("r", reference)).iterator(), null));
            events.add(EVENTS.createStartElement(prefix, namespace, "v"));
            events.add(EVENTS.createCharacters(n.toString()));
            events.add(EVENTS.createEndElement(prefix, namespace, "v"));
        } else {
            events.add(EVENTS.createStartElement(prefix, namespace, "c", List.of(EVENTS.createAttribute("r", reference),
                    EVENTS.createAttribute("t", "inlineStr")).iterator(), null));
            events.add(EVENTS.createStartElement(prefix, namespace, "is"));
            events.add(EVENTS.createStartElement(prefix, namespace, "t", List.of(EVENTS.createAttribute("xml",
                    XMLConstants.XML_NS_URI, "space", "preserve")).iterator(), null));
            events.add(EVENTS.createCharacters(cellText(value.toString())));
            events.add(EVENTS.createEndElement(prefix, namespace, "t"));
            events.add(EVENTS.createEndElement(prefix, namespace, "is"));
        }
        events.add(EVENTS.createEndElement(prefix, namespace, "c"));
        return new Cell(column, events);
    }

    /** A text as a cell can hold it: characters XML 1.0 cannot carry become '?', and it ends at Excel's limit. */
    private static String cellText(String text) {
        StringBuilder kept = new StringBuilder(Math.min(text.length(), CELL_TEXT_LIMIT));
        for (int i = 0; i < text.length() && kept.length() < CELL_TEXT_LIMIT; i++) {
            char c = text.charAt(i);
            kept.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '?' : c);
        }
        return kept.toString();
    }

    /** The element's attributes but the one of that local name, which is written anew or left out. */
    private static List<Attribute> attributesBut(StartElement element, String localName) {
        List<Attribute> attributes = new ArrayList<>();
        for (Iterator<Attribute> it = element.getAttributes(); it.hasNext(); ) {
            Attribute attribute = it.next();
            if (!attribute.getName().getLocalPart().equals(localName)) attributes.add(attribute);
        }
        return attributes;
    }

    /** The sheet's {@code dimension}, which tells the cells it uses, widened to the columns written. */
    private StartElement widened(StartElement dimension) {
        Attribute ref = dimension.getAttributeByName(new QName("ref"));
        int widest = 0;
        for (int c : columns) widest = Math.max(widest, c);
        List<Attribute> attributes = attributesBut(dimension, "ref");
        if (ref != null) {
            String[] corners = ref.getValue().split(":");
            CellReference first = new CellReference(corners[0]);
            CellReference last = new CellReference(corners[corners.length - 1]);
            attributes.add(EVENTS.createAttribute("ref", first.formatAsString() + ":"
                    + new CellReference(Math.max(last.getRow(), 0), Math.max(last.getCol(), widest)).formatAsString()));
        }
        QName name = dimension.getName();
        return EVENTS.createStartElement(name.getPrefix(), name.getNamespaceURI(), name.getLocalPart(),
                attributes.iterator(), dimension.getNamespaces());
    }
}
