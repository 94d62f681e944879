package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.RetryPolicy;
import co.mipresgateway.client.contract.ReporteEntrega;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowChecksTest {

    @TempDir
    Path dir;

    private static InputRow row(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) values.put(pairs[i], pairs[i + 1]);
        return new InputRow(2, values);
    }

    @Test
    void aGoodReporteRowBecomesTheTypedBodyWithHeadersInAnyCase() {
        SubmissionKind.Prepared p = SubmissionKind.REPORTES.prepare(row("id", "1000009", "NOPRESCRIPCION",
                "20250602100000000009", "EstadoEntrega", "1", "CausaNoEntrega", "0", "ValorEntregado", "12500.50"));
        assertTrue(p.valid(), p.problems().toString());
        ReporteEntrega body = (ReporteEntrega) p.body();
        assertEquals(1000009L, body.getID());
        assertEquals(new BigDecimal("12500.50"), body.getValorEntregado());
    }

    @Test
    void everyProblemOfARowIsListedNamingItsField() {
        SubmissionKind.Prepared p = SubmissionKind.REPORTES.prepare(row("ID", "x", "NoPrescripcion", "123",
                "EstadoEntrega", "3", "ValorEntregado", "1.999"));
        assertEquals(5, p.problems().size(), p.problems().toString());
        for (String field : new String[] {"ID", "NoPrescripcion", "EstadoEntrega", "CausaNoEntrega", "ValorEntregado"}) {
            assertTrue(p.problems().stream().anyMatch(e -> e.startsWith(field + ":")), field + " in " + p.problems());
        }
    }

    @Test
    void aDeliveryOfNothingNeedsNoItemNorReceiverButAFutureDateIsRefused() {
        SubmissionKind.Prepared nothing = SubmissionKind.ENTREGAS.prepare(row("ID", "5", "NoPrescripcion",
                "20250602100000000005", "CantTotEntregada", "0", "EntTotal", "0", "CausaNoEntrega", "8", "FecEntrega", "2025-06-03"));
        assertTrue(nothing.valid(), nothing.problems().toString());
        SubmissionKind.Prepared future = SubmissionKind.ENTREGAS.prepare(row("ID", "5", "NoPrescripcion",
                "20250602100000000005", "CantTotEntregada", "3", "EntTotal", "1", "CausaNoEntrega", "0", "FecEntrega", "2999-01-01"));
        assertTrue(future.problems().stream().anyMatch(e -> e.startsWith("FecEntrega: no puede ser una fecha futura")), future.problems().toString());
        assertTrue(future.problems().stream().anyMatch(e -> e.startsWith("NoIDRecibe")), future.problems().toString());
    }

    @Test
    void aDateExportedWithATimeIsSentAsTheDayAndAnythingElseIsRefused() {
        for (String exported : new String[] {"2025-06-03 00:00:00", "2025-06-03T00:00", "2025-06-03"}) {
            RowChecks checks = new RowChecks(row("FecEntrega", exported));
            assertEquals("2025-06-03", checks.date("FecEntrega", true), exported);
            assertEquals(0, checks.problems().size(), checks.problems().toString());
        }
        for (String wrong : new String[] {"3/6/2025", "2025-06-03 25:00", "2025-06-03X00:00"}) {
            RowChecks checks = new RowChecks(row("FecEntrega", wrong));
            assertEquals(null, checks.date("FecEntrega", true), wrong);
            assertTrue(checks.problems().get(0).startsWith("FecEntrega: debe ser una fecha aaaa-mm-dd"), checks.problems().toString());
        }
        RowChecks slashed = new RowChecks(row("FecEntrega", "03/06/2025"));
        assertEquals(null, slashed.date("FecEntrega", true), "day/month or month/day: never guessed");
        assertTrue(slashed.problems().get(0).endsWith("en Excel, dé a la columna el formato aaaa-mm-dd)."), slashed.problems().toString());
    }

    /**
     * Excel in Colombian Spanish writes 12500,50 (and separates fields with ';'). A comma followed by one or two
     * digits is never a thousands separator, so it is read as the decimal point; "12,500" or "12.500,50" could mean
     * two amounts a thousand times apart and are refused rather than guessed.
     */
    @Test
    void aDecimalCommaAsColombianExcelWritesItIsReadAndAmbiguousAmountsAreRefused() {
        Map<String, String> read = Map.of("12500,50", "12500.50", "12500,5", "12500.5", "0,75", "0.75", "30", "30");
        read.forEach((written, sent) -> {
            RowChecks checks = new RowChecks(row("ValorEntregado", written, "CantTotEntregada", written));
            assertEquals(new BigDecimal(sent), checks.money("ValorEntregado"), written);
            assertEquals(sent, checks.number("CantTotEntregada", true), written);
            assertEquals(0, checks.problems().size(), checks.problems().toString());
        });
        for (String ambiguous : new String[] {"12,500", "12.500,50", "1,234,567", "12,5,0", ",5", "$ 12500"}) {
            RowChecks checks = new RowChecks(row("ValorEntregado", ambiguous));
            assertEquals(null, checks.money("ValorEntregado"), ambiguous);
            assertEquals(1, checks.problems().size(), ambiguous);
        }
    }

    @Test
    void csvWithSemicolonsAndAByteOrderMarkAsExcelWritesIt() throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "\uFEFFID;NoPrescripcion;Nota\n7;20250602100000000009;\"con; punto y coma\"\n\n");
        InputTable table = InputReader.read(csv);
        assertEquals(java.util.List.of("ID", "NoPrescripcion", "Nota"), table.headers());
        assertEquals(1, table.rows().size());
        assertEquals(2, table.rows().get(0).number());
        assertEquals("con; punto y coma", table.rows().get(0).get("nota"));
    }

    @Test
    void backoffDoublesWithJitterUpToTheCeiling() {
        RetryPolicy retry = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2));
        for (int i = 0; i < 50; i++) {
            long first = retry.delayAfter(1).toMillis();
            long third = retry.delayAfter(3).toMillis();
            long tenth = retry.delayAfter(10).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(tenth >= 1000 && tenth <= 2000, "tenth " + tenth);
        }
    }
}
