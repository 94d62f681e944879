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
import co.mipresgateway.client.submit.DemoChains.Chain;
import co.mipresgateway.client.submit.DemoChains.Until;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conciliar}: the ERP's rows against what the real gateway recorded. */
class ConciliarIT {

    private static GatewayProcess gateway;
    private static SuministroClient provider;
    private static List<Chain> chains;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start(Map.of());
        provider = gateway.client(PROV1, PROV1_TOKEN);
        chains = DemoChains.build(gateway.client(EPS, EPS_TOKEN), provider, 5, Until.ENTREGADA);
        provider.reporteEntrega(TypedBodies.reporte(chains.get(0).id()));
        ReporteEntrega other = TypedBodies.reporte(chains.get(1).id());
        other.setValorEntregado(new BigDecimal("12000.00"));   // typed by hand with another amount
        provider.reporteEntrega(other);
        long annulled = provider.reporteEntrega(TypedBodies.reporte(chains.get(2).id())).getIdReporteEntrega();
        provider.anularReporteEntrega(annulled);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    @Test
    void eachRowIsFoundMatchingDifferingOrMissingWithNothingSent() throws Exception {
        Path input = Files.writeString(dir.resolve("reportes.csv"), "ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n"
                + row(0, "12500,5") + row(1, "12500.50") + row(2, "12500.50") + row(3, "12500.50")
                + "77;123;1;0;1\n");
        long reportesBefore = reportes();

        int exit = run("reportes", input);

        assertEquals(1, exit);
        List<String> results = Files.readAllLines(dir.resolve("reportes.conciliacion.csv"));
        assertEquals("ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado;Resultado;IdReporteEntrega;Errores",
                results.get(0));
        long kept0 = provider.reporteEntregaXPrescripcion(chains.get(0).noPrescripcion()).get(0).getIDReporteEntrega();
        long kept1 = provider.reporteEntregaXPrescripcion(chains.get(1).noPrescripcion()).get(0).getIDReporteEntrega();
        assertEquals(row(0, "12500,5").strip() + ";COINCIDE;" + kept0 + ";", results.get(1), "12500,5 is 12500.50");
        assertEquals(row(1, "12500.50").strip() + ";DIFIERE;" + kept1
                + ";ValorEntregado: el archivo dice 12500.50, el servicio tiene 12000.00.", results.get(2));
        assertEquals(row(2, "12500.50").strip() + ";FALTA;;el servicio no tiene registro activo de reporte de entrega para el ID "
                + chains.get(2).id() + " en la prescripción " + chains.get(2).noPrescripcion() + " (el que tuvo está anulado).",
                results.get(3));
        assertEquals(row(3, "12500.50").strip() + ";FALTA;;el servicio no tiene registro activo de reporte de entrega para el ID "
                + chains.get(3).id() + " en la prescripción " + chains.get(3).noPrescripcion() + ".", results.get(4));
        assertTrue(results.get(5).startsWith("77;123;1;0;1;INVALIDA;;"), results.get(5));
        assertEquals(reportesBefore, reportes(), "conciliar sends nothing");
    }

    @Test
    void entregasMatchByValueAndDayAndAFileThatMatchesEndsWithZero() throws Exception {
        // The records write FecEntrega with its time and the quantity as the service keeps it.
        Path input = Files.writeString(dir.resolve("entregas.csv"), "ID;NoPrescripcion;CodSerTecEntregado;CantTotEntregada;"
                + "EntTotal;CausaNoEntrega;FecEntrega;NoLote;TipoIDRecibe;NoIDRecibe\n"
                + chains.get(4).id() + ";" + chains.get(4).noPrescripcion() + ";19943544-1;30,0;1;0;" + TypedBodies.today()
                + ";L-2026-01;CC;" + TypedBodies.PACIENTE + "\n");

        String summary = StandardError.during(
                () -> assertEquals(0, run("entregas", input), Files.readString(dir.resolve("entregas.conciliacion.csv"))));
        // A comparison against the sandbox and one against the ministry differ: the summary says which it was.
        assertTrue(summary.contains("1 fila: 1 coincide, 0 difieren, 0 faltan, 0 inválidas, 0 sin consultar (servicio "
                + gateway.base() + " (REST), NIT " + PROV1 + "). Resultados: "), summary);
        long idEntrega = provider.entregaXPrescripcion(chains.get(4).noPrescripcion()).get(0).getIDEntrega();
        assertTrue(Files.readAllLines(dir.resolve("entregas.conciliacion.csv")).get(1).endsWith(";COINCIDE;" + idEntrega + ";"));

        Files.writeString(input, Files.readString(input).replace(";L-2026-01;", ";L-OTRO;"));
        assertEquals(1, run("entregas", input));
        assertTrue(Files.readAllLines(dir.resolve("entregas.conciliacion.csv")).get(1)
                .endsWith(";DIFIERE;" + idEntrega + ";NoLote: el archivo dice L-OTRO, el servicio tiene L-2026-01."));
    }

    /**
     * A month's reconciliation finds what the ERP does not know of: the report typed by hand (chain 1) is listed apart,
     * the one the file has (chain 0) and the annulled one (chain 2) are not.
     */
    @Test
    void theDaysActiveRecordsThatTheFileDoesNotHaveAreWrittenApart() throws Exception {
        // Chain 3's row is FALTA: the days are listed whatever the rows' results.
        Path input = Files.writeString(dir.resolve("reportes.csv"), "ID;NoPrescripcion;EstadoEntrega;CausaNoEntrega;ValorEntregado\n"
                + row(0, "12500.50") + row(3, "12500.50"));

        int exit = MipresClientMain.commandLine().execute("conciliar", "reportes", input.toString(), "--url", gateway.base(),
                "--nit", PROV1, "--token", PROV1_TOKEN, "--desde", TypedBodies.today().minusDays(1).toString(),
                "--hasta", TypedBodies.today().toString());

        assertEquals(1, exit);
        List<String> notInFile = Files.readAllLines(dir.resolve("reportes.sobrantes.csv"));
        assertEquals(2, notInFile.size(), notInFile.toString());
        assertTrue(notInFile.get(0).startsWith("\uFEFFID;IDReporteEntrega;NoPrescripcion;"), notInFile.get(0));
        long handTyped = provider.reporteEntregaXPrescripcion(chains.get(1).noPrescripcion()).get(0).getIDReporteEntrega();
        assertTrue(notInFile.get(1).startsWith(chains.get(1).id() + ";" + handTyped + ";" + chains.get(1).noPrescripcion() + ";"),
                notInFile.get(1));
        assertTrue(Files.readAllLines(dir.resolve("reportes.conciliacion.csv")).get(1).contains(";COINCIDE;"));
    }

    private static String row(int chain, String valor) {
        return chains.get(chain).id() + ";" + chains.get(chain).noPrescripcion() + ";1;0;" + valor + "\n";
    }

    private static int run(String kind, Path input) {
        return MipresClientMain.commandLine().execute("conciliar", kind, input.toString(), "--url", gateway.base(),
                "--nit", PROV1, "--token", PROV1_TOKEN);
    }

    private static long reportes() {
        return provider.reporteEntregaXFecha(TypedBodies.today()).size();
    }
}
