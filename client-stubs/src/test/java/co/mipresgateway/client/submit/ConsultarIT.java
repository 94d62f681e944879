package co.mipresgateway.client.submit;

import static co.mipresgateway.client.GatewayProcess.PROV1;
import static co.mipresgateway.client.GatewayProcess.PROV1_TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.GatewayProcess;
import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.contract.EntregaRegistro;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mipres-client consultar}: a range of days of one kind of record, written to a file, against the real gateway. */
class ConsultarIT {

    /** The spec's Entrega record, in its order. */
    private static final List<String> ENTREGA_FIELDS = List.of("ID", "IDEntrega", "NoPrescripcion", "TipoTec", "ConTec",
            "TipoIDPaciente", "NoIDPaciente", "NoEntrega", "CodSerTecEntregado", "CantTotEntregada", "EntTotal",
            "CausaNoEntrega", "FecEntrega", "NoLote", "TipoIDRecibe", "NoIDRecibe", "EstEntrega", "FecAnulacion",
            "CodigosEntrega");
    private static final LocalDate DEMO_ENTREGAS_DAY = LocalDate.of(2025, 6, 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GatewayProcess gateway;
    private static List<EntregaRegistro> demoEntregas;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(Map.of());
        SuministroClient provider = gateway.client(PROV1, PROV1_TOKEN);
        demoEntregas = provider.entregaXFecha(DEMO_ENTREGAS_DAY);
        assertTrue(demoEntregas.size() >= 4, "the sandbox's demo entregas: " + demoEntregas.size());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    private int consultar(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("consultar"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", url, "--nit", PROV1, "--token", PROV1_TOKEN));
        return MipresClientMain.commandLine().execute(all.toArray(String[]::new));
    }

    @Test
    void aWeekOfEntregasAsCsvForExcelHasTheMinistrysFieldsAsColumnsAndEveryRecord() throws Exception {
        Path out = dir.resolve("entregas.csv");
        assertEquals(0, consultar(gateway.base(), "entregas", "--desde", "2025-05-31", "--hasta", "2025-06-06", "--out", out.toString()));

        byte[] bytes = Files.readAllBytes(out);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 marked, for Excel");
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(String.join(";", ENTREGA_FIELDS), lines.get(0));
        assertEquals(demoEntregas.size() + 1, lines.size());
        for (int i = 0; i < demoEntregas.size(); i++) {
            EntregaRegistro expected = demoEntregas.get(i);
            String[] cells = lines.get(i + 1).split(";", -1);
            assertEquals(String.valueOf(expected.getIDEntrega()), cells[1]);
            assertEquals(expected.getNoPrescripcion(), cells[2]);
            assertEquals("2025-06-03 00:00", cells[12]);
            assertEquals("", cells[17], "FecAnulacion is null until annulled");
        }
    }

    @Test
    void asXlsxTheNumbersAreNumbersAndThePrescriptionKeepsItsTwentyDigits() throws Exception {
        Path out = dir.resolve("entregas.xlsx");
        assertEquals(0, consultar(gateway.base(), "ENTREGAS", "--desde", "2025-06-03", "--out", out.toString()));

        try (InputStream in = Files.newInputStream(out); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int c = 0; c < ENTREGA_FIELDS.size(); c++) assertEquals(ENTREGA_FIELDS.get(c), header.getCell(c).getStringCellValue());
            assertEquals(demoEntregas.size(), sheet.getLastRowNum());
            Row first = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
            assertEquals(demoEntregas.get(0).getIDEntrega(), (long) first.getCell(1).getNumericCellValue());
            assertEquals(CellType.STRING, first.getCell(2).getCellType());
            assertEquals(demoEntregas.get(0).getNoPrescripcion(), first.getCell(2).getStringCellValue());
            Cell fecEntrega = first.getCell(ENTREGA_FIELDS.indexOf("FecEntrega"));
            assertEquals(CellType.NUMERIC, fecEntrega.getCellType(), "a date Excel can filter and sort");
            assertTrue(DateUtil.isCellDateFormatted(fecEntrega));
            assertEquals(LocalDateTime.of(2025, 6, 3, 0, 0), fecEntrega.getLocalDateTimeCellValue());
            assertNull(first.getCell(ENTREGA_FIELDS.indexOf("FecAnulacion")), "null: no cell");
        }
    }

    @Test
    void asJsonLinesEachRecordIsTheMinistrysJsonWithItsNullFields() throws Exception {
        Path out = dir.resolve("entregas.jsonl");
        assertEquals(0, consultar(gateway.base(), "entregas", "--desde", "2025-06-01", "--hasta", "2025-06-03", "--out", out.toString()));

        List<String> lines = Files.readAllLines(out);
        assertEquals(demoEntregas.size(), lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertEquals(ENTREGA_FIELDS, names);
        assertTrue(first.get("FecAnulacion").isNull());
        assertEquals(demoEntregas.get(0).getIDEntrega(), first.get("IDEntrega").asLong());

        // A .json is the same records as one list, which a program reads whole; none is an empty list.
        Path list = dir.resolve("entregas.json");
        assertEquals(0, consultar(gateway.base(), "entregas", "--desde", "2025-06-01", "--hasta", "2025-06-03", "--out", list.toString()));
        JsonNode records = JSON.readTree(list.toFile());
        assertEquals(demoEntregas.size(), records.size());
        assertEquals(first, records.get(0));
        Path none = dir.resolve("ninguna.json");
        assertEquals(0, consultar(gateway.base(), "entregas", "--desde", "2025-05-01", "--hasta", "2025-05-01", "--out", none.toString()));
        assertTrue(JSON.readTree(none.toFile()).isArray() && JSON.readTree(none.toFile()).isEmpty());
    }

    @Test
    void onePrescriptionOrOnePatientOverARangeOfDays() throws Exception {
        EntregaRegistro first = demoEntregas.get(0);
        Path ofPrescription = dir.resolve("prescripcion.jsonl");
        assertEquals(0, consultar(gateway.base(), "entregas", "--prescripcion", first.getNoPrescripcion(), "--out", ofPrescription.toString()));
        List<String> lines = Files.readAllLines(ofPrescription);
        assertEquals(1, lines.size());
        assertEquals(first.getIDEntrega(), JSON.readTree(lines.get(0)).get("IDEntrega").asLong());

        Path ofPatient = dir.resolve("paciente.jsonl");
        assertEquals(0, consultar(gateway.base(), "entregas", "--desde", "2025-06-01", "--hasta", "2025-06-05", "--paciente",
                first.getTipoIDPaciente() + ":" + first.getNoIDPaciente(), "--out", ofPatient.toString()));
        List<Long> ids = new ArrayList<>();
        for (String line : Files.readAllLines(ofPatient)) ids.add(JSON.readTree(line).get("IDEntrega").asLong());
        List<Long> expected = gateway.client(PROV1, PROV1_TOKEN).entregaXPacienteFecha(DEMO_ENTREGAS_DAY,
                first.getTipoIDPaciente(), first.getNoIDPaciente()).stream().map(EntregaRegistro::getIDEntrega).toList();
        assertEquals(expected, ids);
        assertTrue(ids.contains(first.getIDEntrega()));

        assertEquals(0, consultar(gateway.base(), "entregas", "--desde", "2025-06-03", "--paciente", "CC:0000000001",
                "--out", dir.resolve("nadie.csv").toString()));
        assertEquals(1, Files.readAllLines(dir.resolve("nadie.csv")).size(), "only the header: no records");
    }

    @Test
    void aQueryWrittenWrongIsRefusedBeforeAnyRequest() {
        Path out = dir.resolve("nada.csv");
        assertEquals(2, consultar(gateway.base(), "entregas", "--out", out.toString()));
        assertEquals(2, consultar(gateway.base(), "entregas", "--prescripcion", "20250602100000000009", "--desde", "2025-06-03",
                "--out", out.toString()));
        assertEquals(2, consultar(gateway.base(), "entregas", "--desde", "2025-06-03", "--paciente", "1020304050",
                "--out", out.toString()));
        assertFalse(Files.exists(out));
    }

    /** The service's 422 was told as its Message alone: "La solicitud tiene errores de validación." */
    @Test
    void aQueryTheServiceRefusesIsToldWithEveryProblemItNamed() throws Exception {
        Path out = dir.resolve("nada.csv");
        String said = StandardError.during(
                () -> assertEquals(1, consultar(gateway.base(), "entregas", "--prescripcion", "123", "--out", out.toString())));
        assertEquals(List.of("no se escribió nada: La solicitud tiene errores de validación. NoPrescripcion: debe tener 20 dígitos"
                + " (se recibió '123')."), said.lines().toList());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRangeEndingBeforeItStartsOrWrongCredentialsWriteNothing() {
        Path out = dir.resolve("nada.csv");
        assertEquals(2, consultar(gateway.base(), "entregas", "--desde", "2025-06-03", "--hasta", "2025-06-01", "--out", out.toString()));
        List<String> wrongToken = new ArrayList<>(List.of("consultar", "entregas", "--desde", "2025-06-03", "--out",
                out.toString(), "--url", gateway.base(), "--nit", PROV1, "--token", "00000000-0000-4000-8000-000000000000"));
        assertEquals(3, MipresClientMain.commandLine().execute(wrongToken.toArray(String[]::new)));
        assertFalse(Files.exists(out));
    }

    @Test
    void aDayTheMinistryCannotAnswerEndsTheRunWithNothingWritten() throws Exception {
        // WireMock plays the ministry: every day answers but one, which fails each time it is asked.
        WireMockServer ministry = ministryGivingSessions();
        try {
            ministry.stubFor(get(urlPathMatching("/WSSUMMIPRESNOPBS/api/EntregaXFecha/.*")).willReturn(okJson("[]")));
            ministry.stubFor(get(urlPathMatching("/WSSUMMIPRESNOPBS/api/EntregaXFecha/.*/2025-06-02")).atPriority(1)
                    .willReturn(serverError().withBody("{\"Message\":\"Error.\"}")));
            Path out = dir.resolve("entregas.csv");

            assertEquals(1, consultar("http://127.0.0.1:" + ministry.port(), "entregas", "--desde", "2025-06-01",
                    "--hasta", "2025-06-03", "--out", out.toString()));

            assertFalse(Files.exists(out));
            assertEquals(4, ministry.findAll(getRequestedFor(
                    urlPathMatching("/WSSUMMIPRESNOPBS/api/EntregaXFecha/.*/2025-06-02"))).size(), "asked 4 times");
        } finally {
            ministry.stop();
        }
    }

    @Test
    void onePrescriptionTheMinistryFailsOnceIsAskedAgain() throws Exception {
        WireMockServer ministry = ministryGivingSessions();
        try {
            String path = "/WSSUMMIPRESNOPBS/api/ReporteEntregaXPrescripcion/.*/20250602100000000009";
            ministry.stubFor(get(urlPathMatching(path)).inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(serverError().withBody("{\"Message\":\"Error.\"}")).willSetStateTo("answered"));
            ministry.stubFor(get(urlPathMatching(path)).inScenario("once").whenScenarioStateIs("answered")
                    .willReturn(okJson("[{\"ID\":1000009,\"IDReporteEntrega\":6000004,\"NoPrescripcion\":\"20250602100000000009\","
                            + "\"ValorEntregado\":9800.00}]")));
            Path out = dir.resolve("una.jsonl");

            assertEquals(0, consultar("http://127.0.0.1:" + ministry.port(), "reportes", "--prescripcion",
                    "20250602100000000009", "--out", out.toString()));

            assertEquals(2, ministry.findAll(getRequestedFor(urlPathMatching(path))).size(), "asked twice");
            String written = Files.readString(out);
            assertTrue(written.contains("\"IDReporteEntrega\":6000004") && written.contains("\"ValorEntregado\":9800.00"), written);
        } finally {
            ministry.stop();
        }
    }

    /** WireMock playing the ministry, started, answering GenerarToken; each test adds the queries it needs. */
    private static WireMockServer ministryGivingSessions() {
        WireMockServer ministry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ministry.start();
        ministry.stubFor(get(urlPathMatching("/WSSUMMIPRESNOPBS/api/GenerarToken/.*"))
                .willReturn(okJson("\"c2Vzc2lvbnRva2VuMDAwMDAwMDAwMDAwMDAwMDAwMDA=\"")));
        return ministry;
    }
}
