package co.mipresgateway.client.submit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.EmptyFileException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;

/**
 * The first sheet of an .xlsx, opened to be read as it streams by: the submitter reads only that sheet, and holding a
 * workbook of 50,000 rows whole (POI's XSSFWorkbook) took over a gigabyte of memory. The package is read where it lies,
 * never changed.
 */
final class FirstSheet implements Closeable {

    /** How POI refuses a workbook saved as Strict Open XML: "Strict OOXML isn't currently supported, please see bug #57699". */
    private static final String POI_STRICT_REFUSED = "Strict OOXML";

    private final OPCPackage workbook;
    private final PackagePart part;
    final XSSFReader reader;
    /** The sheet's name, as its tab shows it. */
    final String name;
    /** The sheet's part in the package, such as {@code /xl/worksheets/sheet1.xml}. */
    final String partName;
    /** Whether the workbook has other sheets after it. */
    final boolean othersFollow;
    /** Whether the workbook counts its dates from 1904 (old Mac Excel) rather than from 1900. */
    final boolean date1904;

    private FirstSheet(OPCPackage workbook, XSSFReader reader, XSSFReader.SheetIterator sheets, boolean date1904) {
        this.workbook = workbook;
        this.reader = reader;
        this.name = sheets.getSheetName();
        this.part = sheets.getSheetPart();
        // Decoded, as the package's zip names it: a part name is a URI ("hoja%201.xml").
        this.partName = part.getPartName().getURI().getPath();
        this.othersFollow = sheets.hasNext();
        this.date1904 = date1904;
    }

    /** Opens the workbook; a file that is none (an old .xls, a CSV renamed) is told so in Spanish, not in POI's English alone. */
    static FirstSheet open(Path file) throws IOException {
        // Opened first as a plain file, so that a missing or unreadable one is told as such, with its path.
        try (InputStream probe = Files.newInputStream(file)) {
            probe.read();
        }
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (UnsupportedFileFormatException | EmptyFileException | InvalidOperationException | OpenXML4JException notAWorkbook) {
            throw notAWorkbook(file, notAWorkbook.getMessage());
        }
        XSSFReader.SheetIterator sheets;
        XSSFReader reader;
        boolean date1904;
        boolean hasSheets;
        try {
            reader = new XSSFReader(workbook);
            sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            date1904 = date1904(reader);
            hasSheets = sheets.hasNext();
            if (hasSheets) sheets.next().close();
        } catch (IOException unreadable) {
            workbook.revert();
            throw unreadable;
        } catch (OpenXML4JException | XmlException | RuntimeException broken) {
            workbook.revert();
            throw notAWorkbook(file, broken.getMessage());
        }
        if (!hasSheets) {
            workbook.revert();
            throw notAWorkbook(file, "no tiene hojas");
        }
        return new FirstSheet(workbook, reader, sheets, date1904);
    }

    /** The way out for every workbook the client cannot read, told in the same words wherever it is refused. */
    static final String SAVE_AS_XLSX = "ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)» o como CSV";

    private static IllegalArgumentException notAWorkbook(Path file, String why) {
        if (why != null && why.contains(POI_STRICT_REFUSED)) {
            // Excel offers it beside the usual .xlsx under the same extension; POI reads only the usual one.
            return new IllegalArgumentException("el archivo " + file.getFileName() + " se guardó como «Hoja de cálculo Open XML"
                    + " estricta», que no se puede leer: " + SAVE_AS_XLSX + ".");
        }
        return new IllegalArgumentException("el archivo " + file.getFileName() + " no es un libro de Excel .xlsx (" + why
                + "): " + SAVE_AS_XLSX + ".");
    }

    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XmlException {
        try (InputStream in = reader.getWorkbookData()) {
            CTWorkbook workbook = WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getWorkbook();
            return workbook.isSetWorkbookPr() && workbook.getWorkbookPr().getDate1904();
        }
    }

    /** The sheet's XML, from its first byte. */
    InputStream data() throws IOException {
        return part.getInputStream();
    }

    @Override
    public void close() {
        // A package opened to read is let go without saving: close() would try to write it back.
        workbook.revert();
    }
}
