package co.mipresgateway.client.submit;

import static co.mipresgateway.client.GatewayProcess.EPS;
import static co.mipresgateway.client.GatewayProcess.EPS_TOKEN;
import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.GatewayProcess;
import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.TypedBodies;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import co.mipresgateway.client.submit.DemoChains.Chain;
import co.mipresgateway.client.submit.DemoChains.Until;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submitter command, run in this JVM, against the real gateway: each input format, each face, bad rows. */
class SubmitterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GatewayProcess gateway;
    private static SuministroClient eps;
    private static SuministroClient provider;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(Map.of());
        eps = gateway.client(EPS, EPS_TOKEN);
        provider = gateway.client(PROV1, PROV1_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    private int submit(String... args) {
        List<String> all = new ArrayList<>(List.of("submit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", gateway.base(), "--nit", PROV1, "--token", PROV1_TOKEN));
        return MipresClientMain.commandLine().execute(all.toArray(String[]::new));
    }

    @Test
    void reportesFromCsvAreSentOnceAndTheBadRowIsListedAndNeverSent() throws Exception {
        List<Chain> chains = DemoChains.build(eps, provider, 6, Until.ENTREGADA);
        StringBuilder csv = new StringBuilder("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n");
        for (Chain c : chains.subList(0, 5)) csv.append(c.id()).append(';').append(c.noPrescripcion()).append(";1;0;12500.50\n");
        Chain bad = chains.get(5);
        csv.append(bad.id()).append(';').append(bad.noPrescripcion()).append(";1;0;12.500,50\n");   // a thousands separator: never guessed
        Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

        assertEquals(1, submit("reportes", input.toString()));

        List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
        assertEquals("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Resultado;IdReporteEntrega;Errores", results.get(0));
        for (int i = 0; i < 5; i++) {
            String[] cells = results.get(i + 1).split(";", -1);
            List<ReporteEntregaRegistro> records = provider.reporteEntregaXPrescripcion(chains.get(i).noPrescripcion());
            assertEquals(1, records.size());
            assertEquals("OK", cells[5]);
            assertEquals(String.valueOf(records.get(0).getIDReporteEntrega()), cells[6]);
        }
        assertTrue(results.get(6).contains(";INVALIDA;;ValorEntregado"), results.get(6));
        assertEquals(List.of(), provider.reporteEntregaXPrescripcion(bad.noPrescripcion()));

        // Run again: nothing is sent twice, every good row is still OK with the same id.
        assertEquals(1, submit("reportes", input.toString()));
        assertEquals(results, Files.readAllLines(dir.resolve("reportes.results.csv")));
        for (Chain c : chains.subList(0, 5)) assertEquals(1, provider.reporteEntregaXPrescripcion(c.noPrescripcion()).size());
    }

    @Test
    void entregasFromJsonLinesOverSoapAndARowTheServiceRefuses() throws Exception {
        List<Chain> chains = DemoChains.build(eps, provider, 4, Until.PROGRAMADA);
        StringBuilder jsonl = new StringBuilder();
        String today = co.mipresgateway.client.TypedBodies.today().toString();
        for (Chain c : chains) {
            jsonl.append(String.format("{\"ID\":%d,\"NoPrescripcion\":\"%s\",\"CodSerTecEntregado\":\"19943544-1\","
                    + "\"CantTotEntregada\":\"%s\",\"EntTotal\":1,\"CausaNoEntrega\":0,\"FecEntrega\":\"%s\",\"NoLote\":\"L1\","
                    + "\"TipoIDRecibe\":\"CC\",\"NoIDRecibe\":\"1020304050\"}%n", c.id(), c.noPrescripcion(),
                    c == chains.get(3) ? "999" : "30", today));
        }
        Path input = Files.writeString(dir.resolve("entregas.jsonl"), jsonl);

        assertEquals(1, submit("entregas", input.toString(), "--soap"));

        List<String> lines = Files.readAllLines(dir.resolve("entregas.results.jsonl"));
        for (int i = 0; i < 3; i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertEquals(chains.get(i).id(), line.get("ID").asLong(), "the input's own values stay as they were");
            assertEquals("OK", line.get("Resultado").asText());
            assertEquals(provider.entregaXPrescripcion(chains.get(i).noPrescripcion()).get(0).getIDEntrega(),
                    line.get("IdEntrega").asLong());
        }
        JsonNode refused = JSON.readTree(lines.get(3));
        assertEquals("ERROR", refused.get("Resultado").asText());
        assertTrue(refused.get("Errores").toString().contains("CantTotEntregada"), refused.toString());
        assertEquals(List.of(), provider.entregaXPrescripcion(chains.get(3).noPrescripcion()));
    }

    @Test
    void programacionesFromAnExcelSheetGetTheirResultColumnsInTheSameSheet() throws Exception {
        List<Chain> chains = DemoChains.build(eps, provider, 3, Until.DIRECCIONADA);
        Path input = dir.resolve("programaciones.xlsx");
        String[] headers = {"ID", "NoPrescripcion", "FecMaxEnt", "TipoIDSedeProv", "NoIDSedeProv", "CodSedeProv",
                "CodSerTecAEntregar", "CantTotAEntregar", "Notas"};
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
            Sheet sheet = workbook.createSheet("Programar");
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) header.createCell(c).setCellValue(headers[c]);
            for (int r = 0; r < chains.size(); r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(chains.get(r).id());            // a number cell, as Excel keeps it
                row.createCell(1).setCellValue(chains.get(r).noPrescripcion()); // text, as it must be
                row.createCell(2).setCellValue(co.mipresgateway.client.TypedBodies.today().plusDays(3).toString());
                row.createCell(3).setCellValue("NI");
                row.createCell(4).setCellValue(PROV1);
                row.createCell(5).setCellValue("PROV008878");
                row.createCell(6).setCellValue("19943544-1");
                row.createCell(7).setCellValue(30);
                row.createCell(8).setCellValue("fila de prueba " + r);
            }
            workbook.write(out);
        }

        assertEquals(0, submit("programaciones", input.toString()));

        try (InputStream in = Files.newInputStream(dir.resolve("programaciones.results.xlsx"));
             XSSFWorkbook results = new XSSFWorkbook(in)) {
            Sheet sheet = results.getSheet("Programar");
            assertEquals("Resultado", sheet.getRow(0).getCell(9).getStringCellValue());
            assertEquals("IdProgramacion", sheet.getRow(0).getCell(10).getStringCellValue());
            for (int r = 0; r < chains.size(); r++) {
                Row row = sheet.getRow(r + 1);
                assertEquals("fila de prueba " + r, row.getCell(8).getStringCellValue());
                assertEquals("OK", row.getCell(9).getStringCellValue());
                assertEquals(provider.programacionXPrescripcion(chains.get(r).noPrescripcion()).get(0).getIDProgramacion(),
                        (long) row.getCell(10).getNumericCellValue());
            }
        }
    }

    /**
     * An ERP that writes its file under the same name every day: a row reported, its record annulled, the row
     * corrected and the file submitted again. The journal said the ID was done, and the run answered OK with the
     * annulled record's id, sending nothing: the correction was never reported. A row done with other values is now
     * looked up: sent again when its record is gone, told when the old one is still active.
     */
    @Test
    void aRowCorrectedAfterItsRecordWasAnnulledIsSentAgainUnderTheSameFileName() throws Exception {
        List<Chain> chains = DemoChains.build(eps, provider, 2, Until.ENTREGADA);
        Path input = dir.resolve("reportes.csv");
        Files.writeString(input, "ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n"
                + chains.get(0).id() + "," + chains.get(0).noPrescripcion() + ",1,0,100.00\n"
                + chains.get(1).id() + "," + chains.get(1).noPrescripcion() + ",1,0,100.00\n");
        assertEquals(0, submit("reportes", input.toString()));
        long first = provider.reporteEntregaXPrescripcion(chains.get(0).noPrescripcion()).get(0).getIDReporteEntrega();
        provider.anularReporteEntrega(first);

        Files.writeString(input, "ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n"
                + chains.get(0).id() + "," + chains.get(0).noPrescripcion() + ",1,0,120.00\n"
                + chains.get(1).id() + "," + chains.get(1).noPrescripcion() + ",1,0,130.00\n");
        assertEquals(1, submit("reportes", input.toString()));

        List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
        List<ReporteEntregaRegistro> corrected = provider.reporteEntregaXPrescripcion(chains.get(0).noPrescripcion());
        ReporteEntregaRegistro live = corrected.stream().filter(r -> r.getEstRepEntrega() != 0).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("120.00").compareTo(live.getValorEntregado()), "the correction is recorded");
        assertTrue(results.get(1).endsWith(",OK," + live.getIDReporteEntrega() + ","), results.get(1));
        // Not annulled: the service still has 100.00, which the row does not overwrite.
        assertTrue(results.get(2).contains(",DIFIERE,") && results.get(2).contains("ValorEntregado: el archivo dice 130.00, el servicio tiene 100.00."),
                results.get(2));
        assertEquals(1, provider.reporteEntregaXPrescripcion(chains.get(1).noPrescripcion()).size());

        assertEquals(1, submit("reportes", input.toString()), "a third run sends nothing more");
        assertEquals(2, provider.reporteEntregaXPrescripcion(chains.get(0).noPrescripcion()).size());
        assertEquals(1, provider.reporteEntregaXPrescripcion(chains.get(1).noPrescripcion()).size());
    }

    /**
     * A step recorded before the run by someone else (typed by hand in the ministry's web module, say) answers "ya
     * existe" and is found: with the row's values it is the row's; with others it is told, run after run, not taken
     * as the row's and not overwritten.
     */
    @Test
    void aStepRecordedBeforeWithOtherValuesIsToldNotTakenAsTheRows() throws Exception {
        List<Chain> chains = DemoChains.build(eps, provider, 2, Until.ENTREGADA);
        long same = provider.reporteEntrega(TypedBodies.reporte(chains.get(0).id())).getIdReporteEntrega();
        ReporteEntrega byHand = TypedBodies.reporte(chains.get(1).id());
        byHand.setValorEntregado(new BigDecimal("9000.00"));
        long other = provider.reporteEntrega(byHand).getIdReporteEntrega();
        StringBuilder csv = new StringBuilder("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n");
        for (Chain c : chains) csv.append(c.id()).append(';').append(c.noPrescripcion()).append(";1;0;12500.50\n");
        Path input = Files.writeString(dir.resolve("reportes.csv"), csv);

        for (int run = 1; run <= 2; run++) {
            assertEquals(1, submit("reportes", input.toString()), "run " + run);
            List<String> results = Files.readAllLines(dir.resolve("reportes.results.csv"));
            assertTrue(results.get(1).endsWith(";OK;" + same + ";"), results.get(1));
            assertTrue(results.get(2).contains(";DIFIERE;" + other + ";el servicio ya tenía este paso para el ID "
                    + chains.get(1).id() + " con otros valores"), results.get(2));
            assertTrue(results.get(2).endsWith("ValorEntregado: el archivo dice 12500.50, el servicio tiene 9000.00."),
                    results.get(2));
        }
        assertEquals(1, provider.reporteEntregaXPrescripcion(chains.get(1).noPrescripcion()).size(), "nothing sent over it");
    }

    @Test
    void wrongCredentialsStopTheRunBeforeAnyRow() throws Exception {
        Path input = Files.writeString(dir.resolve("r.csv"), "ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado\n"
                + "1,20250602100000000009,1,0,1\n", StandardCharsets.UTF_8);
        int exit = MipresClientMain.commandLine().execute("submit", "reportes", input.toString(), "--url", gateway.base(),
                "--nit", GatewayProcess.PROV2, "--token", "00000000-0000-4000-8000-00000000dead");
        assertEquals(3, exit);
        assertTrue(!Files.exists(dir.resolve("r.results.csv")));
    }
}
