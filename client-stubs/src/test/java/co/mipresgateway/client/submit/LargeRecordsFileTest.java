package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.client.contract.EntregaRegistro;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code consultar --out x.xlsx} over a long range: the whole sheet was built in memory (920 MB for 50,000
 * entregas; 200,000, a year of a busy provider, did not fit in 1 GB). It is now streamed, so a small heap holds it.
 */
class LargeRecordsFileTest {

    private static final int RECORDS = 100_000;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandEntregasAreWrittenToXlsxInA128MegabyteHeap() throws Exception {
        Path out = dir.resolve("entregas.xlsx");
        Path log = dir.resolve("writer.log");
        SmallHeapRun writer = SmallHeapRun.of("128m", Duration.ofMinutes(5), log, WriteEntregas.class, String.valueOf(RECORDS),
                out.toString());
        assertEquals(0, writer.exitCode(), writer.output());
        assertTrue(Files.size(out) > RECORDS * 20L, "a row per record: " + Files.size(out) + " bytes");
        assertFalse(Files.exists(dir.resolve("entregas.xlsx.partial")));
    }

    @Test
    void moreRecordsThanASheetHoldsAreRefusedBeforeAnythingIsWritten() {
        List<EntregaRegistro> tooMany = new AbstractList<>() {
            @Override
            public EntregaRegistro get(int index) {
                return entrega(index);
            }

            @Override
            public int size() {
                return 1_048_576;
            }
        };
        Path out = dir.resolve("entregas.xlsx");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RecordsFile.write(out, EntregaRegistro.class, tooMany));
        assertEquals("1048576 registros no caben en una hoja de Excel (a lo sumo 1048575 filas bajo el encabezado): pida un .csv"
                + " o un .jsonl, o menos días por vez; no se escribió nada.", refused.getMessage());
        assertFalse(Files.exists(out));
    }

    static EntregaRegistro entrega(int i) {
        EntregaRegistro r = new EntregaRegistro();
        r.setID(1_000_000L + i);
        r.setIDEntrega(5_000_000L + i);
        r.setNoPrescripcion(String.format("2025060210%010d", i));
        r.setTipoTec("M");
        r.setConTec(1);
        r.setTipoIDPaciente("CC");
        r.setNoIDPaciente("1020304050");
        r.setNoEntrega(1);
        r.setCodSerTecEntregado("19943544-1");
        r.setCantTotEntregada("30");
        r.setEntTotal(1);
        r.setCausaNoEntrega(0);
        r.setFecEntrega("2025-06-03 00:00");
        r.setNoLote("L-2025-06");
        r.setTipoIDRecibe("CC");
        r.setNoIDRecibe("1020304050");
        r.setEstEntrega(1);
        return r;
    }

    /** The child JVM: the records a query would have gathered, then the file, as {@code consultar} writes it. */
    public static final class WriteEntregas {
        public static void main(String[] args) throws Exception {
            int count = Integer.parseInt(args[0]);
            List<EntregaRegistro> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) records.add(entrega(i));
            RecordsFile.write(Path.of(args[1]), EntregaRegistro.class, records);
        }
    }
}
