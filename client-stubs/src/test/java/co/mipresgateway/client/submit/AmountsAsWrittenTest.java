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

        Path csv = dir.resolve("reportes.csv");
        RecordsFile.write(csv, ReporteEntregaRegistro.class, records);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).contains(";9800.00;"), lines.get(1));
        assertTrue(lines.get(2).contains(";10000;"), lines.get(2));
        assertTrue(lines.get(3).contains(";12500.50;"), lines.get(3));

        Path jsonl = dir.resolve("reportes.jsonl");
        RecordsFile.write(jsonl, ReporteEntregaRegistro.class, records);
        List<String> json = Files.readAllLines(jsonl);
        assertTrue(json.get(0).contains("\"ValorEntregado\":9800.00,"), json.get(0));
        assertTrue(json.get(1).contains("\"ValorEntregado\":10000,"), json.get(1));
        assertTrue(json.get(2).contains("\"ValorEntregado\":12500.50,"), json.get(2));
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
}
