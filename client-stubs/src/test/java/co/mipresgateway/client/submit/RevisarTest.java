package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code revisar}: the submitter's row checks alone, with no service and no credentials. */
class RevisarTest {

    @TempDir
    Path dir;

    @Test
    void everyRowIsCheckedAndNothingIsSentNorJournaled() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;20250602100000000009;1;0;12500.50
                1000010;2025060210000000001;1;0;12500.50
                1000011;20250602100000000011;1;0;12.500,50
                1000009;20250602100000000009;1;0;100
                """);

        // No --url, --nit nor --token: nothing can be sent.
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));

        List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
        assertEquals("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Resultado;IdReporteEntrega;Errores",
                results.get(0));
        assertTrue(results.get(1).endsWith(";VALIDA;;"), results.get(1));
        assertTrue(results.get(2).contains(";INVALIDA;;") && results.get(2).contains("NoPrescripcion"), results.get(2));
        assertTrue(results.get(3).contains(";INVALIDA;;") && results.get(3).contains("ValorEntregado"), results.get(3));
        assertTrue(results.get(4).contains(";INVALIDA;;") && results.get(4).contains("ya está en la fila 2"), results.get(4));
        assertFalse(Files.exists(dir.resolve("reportes.csv.journal")), "no journal: nothing was sent");
    }

    /** An ERP's trailing delimiter on every line was refused in the CSV library's English ("A header name is missing"). */
    @Test
    void aTrailingDelimiterOnEveryLineIsReadAndKeptInTheResults() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;
                1000009;20250602100000000009;1;0;12500.50;
                """);
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));
        assertEquals(List.of("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;;Resultado;IdReporteEntrega;Errores",
                "1000009;20250602100000000009;1;0;12500.50;;VALIDA;;"), Files.readAllLines(dir.resolve("reportes.results.csv")));
    }

    /**
     * A delimiter inside an unquoted value shifts the values after it: a line longer than the header is not sent. A
     * column named twice was read as one of the two; a quote left open ended in a stack trace.
     */
    @Test
    void aLineLongerThanTheHeaderAColumnNamedTwiceAndAnOpenQuoteAreToldInSpanish() throws Exception {
        Path shifted = Files.writeString(dir.resolve("reportes.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;20250602100000000009;1;0;12500;50
                """);
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", shifted.toString()));
        assertTrue(Files.readAllLines(dir.resolve("reportes.results.csv")).get(1).contains(";INVALIDA;;\"la fila trae 1 valor"
                + " después de la última columna del encabezado ('50'): un punto y coma (;) dentro de un valor sin comillas"),
                Files.readString(dir.resolve("reportes.results.csv")));
        Path tabs = Files.writeString(dir.resolve("tabulado.txt"), String.join("\n",
                "ID\tNoPrescripcion\tEstadoEntrega\tCausaNoEntrega\tValorEntregado",
                "1000009\t20250602100000000009\t1\t0\t12500\t50", ""));
        Path bars = Files.writeString(dir.resolve("barras.csv"), String.join("\n",
                "ID|NoPrescripcion|EstadoEntrega|CausaNoEntrega|ValorEntregado", "1000009|20250602100000000009|1|0|12500|50", ""));
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", tabs.toString()));
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", bars.toString()));
        assertTrue(Files.readString(dir.resolve("tabulado.results.txt")).contains("('50'): una tabulación dentro de"),
                Files.readString(dir.resolve("tabulado.results.txt")));
        assertTrue(Files.readString(dir.resolve("barras.results.csv")).contains("('50'): una barra vertical (|) dentro de"),
                Files.readString(dir.resolve("barras.results.csv")));

        Path twice = Files.writeString(dir.resolve("dos.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;id;ValorEntregado
                1000009;20250602100000000009;1;0;1000010;12500.50
                """);
        Path open = Files.writeString(dir.resolve("abierta.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;"20250602100000000009;1;0;12500.50
                """);
        Path notABook = Files.writeString(dir.resolve("libro.xlsx"), "ID;NoPrescripcion\n");
        Path twiceInABook = dir.resolve("dos.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(twiceInABook)) {
            Row header = book.createSheet().createRow(0);
            String[] names = {"ID", "NoPrescripcion", "ValorEntregado", "Id"};
            for (int c = 0; c < names.length; c++) header.createCell(c).setCellValue(names[c]);
            book.write(out);
        }
        List<String> said = errorsOfRefused(new String[] {"revisar", "reportes", twice.toString()},
                new String[] {"revisar", "reportes", open.toString()}, new String[] {"revisar", "reportes", twiceInABook.toString()},
                new String[] {"revisar", "reportes", notABook.toString()}).lines().toList();
        assertEquals(4, said.size(), said.toString());
        assertEquals("El encabezado nombra dos veces la columna id (columnas 1 y 5): deje una sola, o no se sabría cuál enviar.",
                said.get(0));
        assertTrue(said.get(1).startsWith("No se pudo leer abierta.csv como CSV ((startline 2) EOF reached before encapsulated"
                + " token finished): un valor que empieza con comillas"), said.get(1));
        assertEquals("El encabezado nombra dos veces la columna Id (columnas 1 y 4): deje una sola, o no se sabría cuál enviar.",
                said.get(2));
        assertTrue(said.get(3).startsWith("el archivo libro.xlsx no es un libro de Excel .xlsx ("), said.get(3));
        assertFalse(Files.exists(dir.resolve("dos.results.csv")) || Files.exists(dir.resolve("abierta.results.csv")));
    }

    /**
     * Notepad saves UTF-8 with a byte order mark, which made the first line "no JSON" and every field of it "es
     * obligatorio"; Windows-1252 ended in "Input length = 1". A line that is no JSON object is told as such alone.
     */
    @Test
    void jsonLinesAreReadWhateverTheirEncodingAndALineThatIsNoObjectIsToldSo() throws Exception {
        String row = "{\"ID\":1000009,\"NoPrescripcion\":\"20250602100000000009\",\"EstadoEntrega\":1,\"CausaNoEntrega\":0,"
                + "\"ValorEntregado\":\"100\",\"Nota\":\"caña\"}\r\n";
        Path notepad = dir.resolve("notepad.jsonl");
        Files.write(notepad, ("\uFEFF" + row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path ansi = dir.resolve("ansi.jsonl");
        Files.write(ansi, row.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        for (Path input : List.of(notepad, ansi)) {
            assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()), input.toString());
            String results = Files.readString(dir.resolve(input.getFileName().toString().replace(".jsonl", ".results.jsonl")));
            assertTrue(results.contains("\"Nota\":\"caña\",\"Resultado\":\"VALIDA\""), results);
        }

        Path broken = Files.writeString(dir.resolve("rota.jsonl"), "{\"ID\":1000009,\n");
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", broken.toString()));
        assertTrue(Files.readString(dir.resolve("rota.results.jsonl")).contains("\"Resultado\":\"INVALIDA\",\"IdReporteEntrega\":null,"
                + "\"Errores\":[\"la línea no es un objeto JSON ("), Files.readString(dir.resolve("rota.results.jsonl")));
    }

    /**
     * The file's exception said only its path: "/tmp/.../falta/r.csv" alone told the user nothing. A folder that does
     * not exist is now told before anything is read or sent.
     */
    @Test
    void aResultsFileThatCannotBeWrittenIsNamedWithWhy() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;20250602100000000009;1;0;12500.50
                """);
        Path nowhere = dir.resolve("falta").resolve("r.csv");
        String said = errorsOfRefused(new String[] {"revisar", "reportes", input.toString(), "--results", nowhere.toString()});
        assertEquals("--results " + nowhere + ": no existe la carpeta " + nowhere.getParent() + ".", said.strip());
    }

    /** The results are written in the input's format: a workbook under --results x.csv opened in nothing. */
    @Test
    void aResultsFileNamedInAnotherFormatIsRefusedBeforeAnythingIsRead() throws Exception {
        Path workbook = dir.resolve("reportes.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            reportesSheet(book.createSheet("Reportes"));
            book.write(out);
        }
        Path csv = Files.writeString(dir.resolve("reportes.csv"), "ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n"
                + "1000009;20250602100000000009;1;0;12500.50\n");
        String said = errorsOfRefused(new String[] {"revisar", "reportes", workbook.toString(), "--results", dir.resolve("r.csv").toString()},
                new String[] {"revisar", "reportes", csv.toString(), "--results", dir.resolve("r.xlsx").toString()});
        assertEquals(List.of("--results " + dir.resolve("r.csv") + " debe ser del formato del archivo de filas (reportes.xlsx): los"
                        + " resultados son sus filas con tres columnas más, en su formato.",
                "--results " + dir.resolve("r.xlsx") + " debe ser del formato del archivo de filas (reportes.csv): los resultados son"
                        + " sus filas con tres columnas más, en su formato."), said.lines().toList());
        assertFalse(Files.exists(dir.resolve("r.csv")) || Files.exists(dir.resolve("r.xlsx")));
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", csv.toString(), "--results",
                dir.resolve("r.txt").toString()), ".txt is read as a CSV, and so may be written");
    }

    /** The refusal named three formats while .txt, .ndjson and .json are read too; an old .xls names how to save it. */
    @Test
    void aFileOfAnUnreadFormatIsToldEveryFormatThatIsRead() throws Exception {
        Path workbook97 = Files.writeString(dir.resolve("reportes.xls"), "no importa");
        Path pdf = Files.writeString(dir.resolve("reportes.pdf"), "no importa");
        String said = errorsOfRefused(new String[] {"revisar", "reportes", workbook97.toString()},
                new String[] {"submit", "reportes", pdf.toString(), "--url", "http://127.0.0.1:9", "--nit", "900000001", "--token", "x"});
        String read = "se leen .csv o .txt (texto separado), .jsonl, .ndjson o .json, y .xlsx.";
        assertEquals(List.of("el archivo reportes.xls no se lee: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)» o como CSV; " + read,
                "el archivo reportes.pdf no se lee: " + read), said.lines().toList());
        assertFalse(Files.exists(dir.resolve("reportes.results.xls")) || Files.exists(dir.resolve("reportes.pdf.journal")));
    }

    @Test
    void aFileWithEveryRowValidExitsZero() throws Exception {
        Path input = Files.writeString(dir.resolve("entregas.jsonl"),
                "{\"ID\":1000005,\"NoPrescripcion\":\"20250602100000000005\",\"CodSerTecEntregado\":\"19943544-1\","
                        + "\"CantTotEntregada\":\"30\",\"EntTotal\":1,\"CausaNoEntrega\":0,\"FecEntrega\":\"2025-06-03\","
                        + "\"NoLote\":\"L-1\",\"TipoIDRecibe\":\"CC\",\"NoIDRecibe\":\"1020304050\"}\n");
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "entregas", input.toString()));
        assertTrue(Files.readString(dir.resolve("entregas.results.jsonl")).contains("\"Resultado\":\"VALIDA\""));
    }

    /** A results file mended and run again: its Resultado, id and Errores are replaced, not written a second time. */
    @Test
    void aResultsFileRunAgainGetsItsResultColumnsReplaced() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), """
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Nota
                1000009;20250602100000000009;1;0;12500.50;a
                1000010;2025;1;0;12500.50;b
                """);
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));
        Path results = dir.resolve("reportes.results.csv");
        Files.writeString(results, Files.readString(results).replace(";2025;", ";20250602100000000010;"));   // mended

        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", results.toString()));

        List<String> again = Files.readAllLines(dir.resolve("reportes.results.results.csv"));
        assertEquals("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Nota;Resultado;IdReporteEntrega;Errores",
                again.get(0));
        assertEquals("1000010;20250602100000000010;1;0;12500.50;b;VALIDA;;", again.get(2));

        Path workbook = dir.resolve("reportes.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            Sheet sheet = book.createSheet();
            String[][] cells = {{"ID", "NoPrescripcion", "EstadoEntrega", "CausaNoEntrega", "ValorEntregado", "resultado",
                    "Errores"}, {"1000009", "20250602100000000009", "1", "0", "12500.50", "ERROR", "viejo"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) row.createCell(c).setCellValue(cells[r][c]);
            }
            book.write(out);
        }
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", workbook.toString()));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(dir.resolve("reportes.results.xlsx")))) {
            Row header = book.getSheetAt(0).getRow(0);
            Row row = book.getSheetAt(0).getRow(1);
            assertEquals(8, header.getLastCellNum(), "one new column, the id; Resultado and Errores reused");
            assertEquals("VALIDA", row.getCell(5).getStringCellValue());
            assertEquals("", row.getCell(6).getStringCellValue());
            assertEquals("IdReporteEntrega", header.getCell(7).getStringCellValue());
        }
    }

    /**
     * A sheet of instructions before the data, or a title line above the header: the run read no rows (exit 0,
     * "nothing sent") or refused every row field by field. An empty workbook printed a stack trace.
     */
    @Test
    void aFirstRowThatIsNoHeaderOrAnEmptyFirstSheetStopsTheRunSayingWhere() throws Exception {
        Path instructions = dir.resolve("instrucciones.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(instructions)) {
            book.createSheet("Instrucciones").createRow(0).createCell(0).setCellValue("Llene la hoja Datos");
            reportesSheet(book.createSheet("Datos"));
            book.write(out);
        }
        Path emptyFirst = dir.resolve("vacia.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(emptyFirst)) {
            book.createSheet("Hoja1");
            reportesSheet(book.createSheet("Datos"));
            book.write(out);
        }
        Path titled = Files.writeString(dir.resolve("titulo.csv"), """
                Reportes de junio
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;20250602100000000009;1;0;12500.50
                """);
        Path noPrescripcion = Files.writeString(dir.resolve("sin.csv"), """
                ID;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;1;0;12500.50
                """);
        List<String> said = errorsOfRefused(new String[] {"revisar", "reportes", instructions.toString()},
                new String[] {"revisar", "reportes", emptyFirst.toString()}, new String[] {"revisar", "reportes", titled.toString()},
                new String[] {"revisar", "reportes", noPrescripcion.toString()}).lines().toList();
        assertEquals(List.of("La primera fila de la hoja «Instrucciones» de instrucciones.xlsx (solo se lee la primera hoja del"
                        + " libro) no nombra las columnas ID ni NoPrescripcion (dice: 'Llene la hoja Datos'). Esa fila debe ser el"
                        + " encabezado, con los nombres de los campos (ID, NoPrescripcion, ...), y las filas debajo de ella.",
                "La primera hoja («Hoja1») de vacia.xlsx está vacía, y solo se lee la primera hoja del libro: ponga primero la"
                        + " hoja de las filas (arrastre su pestaña al comienzo), o guárdela como CSV.",
                "La primera línea de titulo.csv no nombra las columnas ID ni NoPrescripcion (dice: 'Reportes de junio'). Esa fila"
                        + " debe ser el encabezado, con los nombres de los campos (ID, NoPrescripcion, ...), y las filas debajo de ella.",
                "La primera línea de sin.csv no nombra la columna NoPrescripcion (dice: 'ID', 'EstadoEntrega', 'CausaNoEntrega',"
                        + " 'ValorEntregado'). Esa fila debe ser el encabezado, con los nombres de los campos (ID, NoPrescripcion, ...), y las"
                        + " filas debajo de ella."), said);
        assertFalse(Files.exists(dir.resolve("instrucciones.results.xlsx")) || Files.exists(dir.resolve("sin.results.csv")));

        // A workbook with nothing in it is an empty file, as a CSV of no lines is: no rows, nothing to do.
        Path blank = dir.resolve("nada.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(blank)) {
            book.createSheet("Hoja1");
            book.write(out);
        }
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", blank.toString()));
        assertTrue(Files.exists(dir.resolve("nada.results.xlsx")));
    }

    /**
     * A blank row saved by Excel as a line of delimiters (";;;;") above the header was taken for it: every row was then
     * refused as missing every field. Below the header such a line was refused as a row of nothing.
     */
    @Test
    void linesOfDelimitersAloneAreNoRowsAboveTheHeaderOrBelowIt() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), """
                ;;;;
                ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado
                1000009;20250602100000000009;1;0;12500.50
                ;;;;
                1000010;20250602100000000010;1;0;12500.50
                """);
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));
        List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
        assertEquals(List.of("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Resultado;IdReporteEntrega;Errores",
                "1000009;20250602100000000009;1;0;12500.50;VALIDA;;", "1000010;20250602100000000010;1;0;12500.50;VALIDA;;"), results);
    }

    /** A flat file with vertical bars, as an ERP copies the health information systems' files: it was one column. */
    @Test
    void aFileDelimitedByVerticalBarsIsReadAndItsResultsWrittenWithThem() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.txt"), "ID|NoPrescripcion|EstadoEntrega|CausaNoEntrega|ValorEntregado\n"
                + "1000009|20250602100000000009|1|0|12500.50\n1000010|20250602100000000010|3|0|12500.50\n");
        String said = errorsOf(1, new String[] {"revisar", "reportes", input.toString()});
        assertTrue(said.contains("2 filas: 1 válida, 1 inválida; no se envió nada."), said);
        // A folder for --results was told to be of the input's format.
        assertEquals("--results " + dir + " es una carpeta: dé el nombre del archivo de resultados (por ejemplo "
                + dir.resolve("reportes.results.txt") + ").", errorsOfRefused(new String[] {"revisar", "reportes", input.toString(),
                "--results", dir.toString()}).strip());
        List<String> results = Files.readAllLines(dir.resolve("reportes.results.txt"));
        assertEquals("ID|NoPrescripcion|EstadoEntrega|CausaNoEntrega|ValorEntregado|Resultado|IdReporteEntrega|Errores", results.get(0));
        assertEquals("1000009|20250602100000000009|1|0|12500.50|VALIDA||", results.get(1));
        assertTrue(results.get(2).startsWith("1000010|20250602100000000010|3|0|12500.50|INVALIDA||EstadoEntrega"), results.get(2));
    }

    /** Excel's "Texto (delimitado por tabulaciones)", a .txt: it was read as one column and refused as headerless. */
    @Test
    void aTabDelimitedTextFileIsReadAndItsResultsWrittenWithTabs() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.txt"), "ID\tNoPrescripcion\tEstadoEntrega\tCausaNoEntrega\tValorEntregado\n"
                + "1000009\t20250602100000000009\t1\t0\t12500,50\n");
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));
        assertEquals(List.of("ID\tNoPrescripcion\tEstadoEntrega\tCausaNoEntrega\tValorEntregado\tResultado\tIdReporteEntrega\tErrores",
                "1000009\t20250602100000000009\t1\t0\t12500,50\tVALIDA\t\t"), Files.readAllLines(dir.resolve("reportes.results.txt")));

        // "Texto Unicode (*.txt)": the same, in UTF-16 with its byte order mark, which was read as Windows-1252.
        Path unicode = Files.writeString(dir.resolve("unicode.txt"), "\uFEFFID\tNoPrescripcion\tEstadoEntrega\tCausaNoEntrega\t"
                + "ValorEntregado\tNota\r\n1000009\t20250602100000000009\t1\t0\t12500,50\tentregó Ñandú\r\n",
                java.nio.charset.StandardCharsets.UTF_16LE);
        assertEquals(0, MipresClientMain.commandLine().execute("revisar", "reportes", unicode.toString()));
        byte[] results = Files.readAllBytes(dir.resolve("unicode.results.txt"));
        assertEquals(List.of((byte) 0xFF, (byte) 0xFE), List.of(results[0], results[1]), "written as it was read, mark first");
        assertEquals("1000009\t20250602100000000009\t1\t0\t12500,50\tentregó Ñandú\tVALIDA\t\t",
                new String(results, java.nio.charset.StandardCharsets.UTF_16LE).lines().toList().get(1));
    }

    /**
     * A .json holding one list of objects, as most programs write JSON (pretty-printed here, an object over several
     * lines): each line was read as a row, "[" and "]" refused as rows and the objects' lines as broken ones.
     */
    @Test
    void aJsonListIsReadObjectByObjectAndItsResultsWrittenAsAList() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.json"), """
                [
                  {
                    "ID": 1000009, "NoPrescripcion": "20250602100000000009",
                    "EstadoEntrega": 1, "CausaNoEntrega": 0, "ValorEntregado": 10000000.00
                  },
                  "una nota",
                  {"ID": 1000010, "NoPrescripcion": "20250602100000000010", "EstadoEntrega": 1, "CausaNoEntrega": 0,
                   "ValorEntregado": "12500.50", "Resultado": "ERROR", "Errores": ["viejo"]}
                ]
                """);
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));

        com.fasterxml.jackson.databind.JsonNode results = JsonLines.MAPPER.readTree(dir.resolve("reportes.results.json").toFile());
        assertEquals(3, results.size());
        assertEquals("{\"ID\":1000009,\"NoPrescripcion\":\"20250602100000000009\",\"EstadoEntrega\":1,\"CausaNoEntrega\":0,"
                + "\"ValorEntregado\":10000000.00,\"Resultado\":\"VALIDA\",\"IdReporteEntrega\":null,\"Errores\":[]}",
                JsonLines.MAPPER.writeValueAsString(results.get(0)), "the object as written, its amount's digits kept");
        assertEquals("INVALIDA", results.get(1).get("Resultado").asText());
        assertEquals("una nota", results.get(1).get("_elemento").asText());
        assertEquals("el elemento 2 de la lista no es un objeto JSON ({\"ID\": ..., ...}).", results.get(1).get("Errores").get(0).asText());
        assertEquals("VALIDA", results.get(2).get("Resultado").asText(), "a results file run again has its outcome replaced");
        assertEquals(0, results.get(2).get("Errores").size());

        Path broken = Files.writeString(dir.resolve("rota.json"), "[{\"ID\": 1000009},\n]\n");
        Path open = Files.writeString(dir.resolve("abierta.json"), "[{\"ID\": 1000009},\n{\"ID\": 1000010}\n");
        Path more = Files.writeString(dir.resolve("mas.json"), "[{\"ID\": 1000009}]\n[{\"ID\": 1000010}]\n");
        Path quote = Files.writeString(dir.resolve("comillas.json"), "[{\"ID\": 1000009, \"NoLote\": \"L1}]\n");
        List<String> said = errorsOfRefused(new String[] {"revisar", "reportes", broken.toString()},
                new String[] {"revisar", "reportes", open.toString()}, new String[] {"revisar", "reportes", more.toString()},
                new String[] {"revisar", "reportes", quote.toString()}).lines().toList();
        String howToMend = "): corríjalo, o escriba un objeto por línea (JSON Lines), sin corchetes ni comas entre ellos.";
        // Jackson's own words named its reader's settings ("StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION") and source.
        assertEquals(List.of("El archivo rota.json empieza con '[' pero no es una lista JSON válida (una coma antes de un ']' o un"
                        + " '}' no separa nada: quítela; línea 2" + howToMend,
                "El archivo abierta.json empieza con '[' pero no es una lista JSON válida (el archivo termina antes de cerrar la"
                        + " lista o uno de sus objetos: falta un ']' o un '}'; línea 2" + howToMend,
                "El archivo mas.json empieza con '[' pero no es una lista JSON válida (después del ']' que cierra la lista el"
                        + " archivo sigue con más JSON; línea 2" + howToMend,
                "El archivo comillas.json empieza con '[' pero no es una lista JSON válida (un texto abre comillas y el archivo"
                        + " termina sin cerrarlas; línea 1" + howToMend), said);
    }

    /**
     * A sheet whose XML cannot be read (a row numbered in words by some generator) printed the JDK's bare English; a text
     * cell pointing past the workbook's shared texts printed "Index 99 out of bounds for length 10"; a workbook saved
     * as Excel's "Strict Open XML" printed POI's "Strict OOXML isn't currently supported, please see bug #57699".
     */
    @Test
    void aSheetThatCannotBeReadIsToldInSpanishNamingIt() throws Exception {
        String sheet = "xl/worksheets/sheet1.xml";
        Path odd = withPartChanged("raro.xlsx", sheet, xml -> xml.replace("<row r=\"2\"", "<row r=\"dos\""));
        Path pastTheTexts = withPartChanged("textos.xlsx", sheet,
                xml -> xml.replaceFirst("(<c r=\"B2\"[^>]*t=\"s\"[^>]*><v>)\\d+(</v>)", "$199$2"));
        // What makes a package Strict to its readers: its main part's relationship type.
        Path strict = withPartChanged("estricto.xlsx", "_rels/.rels", xml -> xml.replace(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"));
        List<String> said = errorsOfRefused(new String[] {"revisar", "reportes", odd.toString()},
                new String[] {"revisar", "reportes", pastTheTexts.toString()},
                new String[] {"revisar", "reportes", strict.toString()}).lines().toList();
        String howToMend = "): ábrala en Excel y guarde el libro de nuevo, o guárdela como CSV.";
        assertEquals(List.of("No se pudo leer la hoja «Reportes» (el número de una fila o la referencia de una celda no es válido:"
                + " \"dos\"" + howToMend, "No se pudo leer la hoja «Reportes» (una celda de texto de la fila 2 remite a un texto"
                + " compartido que el libro no tiene" + howToMend, "el archivo estricto.xlsx se guardó como «Hoja de cálculo Open XML"
                + " estricta», que no se puede leer: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)» o como CSV."), said);
    }

    /** A workbook of the reportes sheet as POI writes it, one of its parts then changed as a hand-made one may be. */
    private Path withPartChanged(String name, String part, java.util.function.UnaryOperator<String> change) throws Exception {
        Path made = dir.resolve("hecho-" + name);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(made)) {
            reportesSheet(book.createSheet("Reportes"));
            book.write(out);
        }
        Path changed = dir.resolve(name);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(made.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(changed))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(part)) {
                    String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    String after = change.apply(xml);
                    assertFalse(after.equals(xml), "the part " + part + " was changed");
                    bytes = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return changed;
    }

    /** A 32,000-character cell was quoted whole in the row's message, and a line break in it split the line. */
    @Test
    void aRefusedValueIsQuotedOnOneLineAndCut() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), "ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n"
                + "1000009;\"2025060210000000\n0009\";1;0;" + "9".repeat(32_000) + "x\n");
        assertEquals(1, MipresClientMain.commandLine().execute("revisar", "reportes", input.toString()));
        String errors = Files.readString(dir.resolve("reportes.results.csv"));
        assertTrue(errors.contains("NoPrescripcion: debe tener 20 dígitos (se recibió '2025060210000000\\n0009';"), errors);
        assertTrue(errors.contains("(se recibió '" + "9".repeat(40) + "…')"), errors);
        assertTrue(errors.length() < 32_000 + 1_000, errors.length() + " characters: the value is quoted once, in its own column");
    }

    private static void reportesSheet(Sheet sheet) {
        String[][] cells = {{"ID", "NoPrescripcion", "EstadoEntrega", "CausaNoEntrega", "ValorEntregado"},
                {"1000009", "20250602100000000009", "1", "0", "12500.50"}};
        for (int r = 0; r < cells.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < cells[r].length; c++) row.createCell(c).setCellValue(cells[r][c]);
        }
    }

    /** What commands that each stop on a usage or file problem (exit code 2) print on the error stream. */
    private static String errorsOfRefused(String[]... commands) throws Exception {
        return errorsOf(2, commands);
    }

    /** What the commands printed to the standard error, each having ended with the exit code. */
    private static String errorsOf(int exit, String[]... commands) throws Exception {
        return StandardError.during(() -> {
            for (String[] command : commands) assertEquals(exit, MipresClientMain.commandLine().execute(command), String.join(" ", command));
        });
    }
}
