package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.ClientJson;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amounts keep the digits they were written with, in plain notation, through every file and request: a
 * reconciliation that compares ValorEntregado as text, Excel, or the ministry's parser must never meet
 * {@code 9.8E+3} where the service wrote {@code 9800.00}.
 */
class AmountsAsWrittenTest {

    @TempDir
    Path dir;

    @Test
    void consultarWritesAmountsAsTheServiceWroteThem() throws Exception {
        List<ReporteEntregaRegistro> records = List.of(reporte(1000011, "9800.00"), reporte(1000014, "10000"),
                reporte(1000009, "12500.50"));

        lastLinesContain(written("reportes.csv", records), ";9800.00;", ";10000;", ";12500.50;");
        lastLinesContain(written("reportes.jsonl", records), "\"ValorEntregado\":9800.00,", "\"ValorEntregado\":10000,",
                "\"ValorEntregado\":12500.50,");
    }

    @Test
    void aJsonLinesAmountIsReadWithItsDigits() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.jsonl"),
                "{\"ID\":1000005,\"ValorEntregado\":10000000.00}\n{\"ID\":1000006,\"ValorEntregado\":1.25e4}\n");
        InputTable table = InputReader.read(input);
        assertEquals("10000000.00", table.rows().get(0).values().get("ValorEntregado"));
        assertEquals("12500", table.rows().get(1).values().get("ValorEntregado"));
    }

    @Test
    void aRequestCarriesAnAmountInPlainNotation() throws Exception {
        ReporteEntrega body = new ReporteEntrega();
        body.setID(1000011L);
        body.setEstadoEntrega(1);
        body.setCausaNoEntrega(0);
        body.setValorEntregado(new BigDecimal("9.8E+3"));
        String json = ClientJson.mapper().writeValueAsString(body);
        assertTrue(json.contains("\"ValorEntregado\":9800"), json);
    }

    private static ReporteEntregaRegistro reporte(long id, String valor) {
        ReporteEntregaRegistro record = new ReporteEntregaRegistro();
        record.setID(id);
        record.setNoPrescripcion("20250602100000000009");
        record.setValorEntregado(new BigDecimal(valor));
        return record;
    }

    private List<String> written(String name, List<ReporteEntregaRegistro> records) throws Exception {
        Path file = dir.resolve(name);
        RecordsFile.write(file, ReporteEntregaRegistro.class, records);
        return Files.readAllLines(file);
    }

    /** The file's last lines, one per record (after the CSV's header), each containing its piece. */
    private static void lastLinesContain(List<String> lines, String... pieces) {
        int first = lines.size() - pieces.length;
        for (int i = 0; i < pieces.length; i++) {
            assertTrue(lines.get(first + i).contains(pieces[i]), lines.get(first + i));
        }
    }
}
