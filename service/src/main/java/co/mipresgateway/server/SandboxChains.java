package co.mipresgateway.server;

import co.mipresgateway.auth.Caller;
import co.mipresgateway.auth.Rol;
import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.suministro.SuministroQueries.Consulta;
import co.mipresgateway.suministro.SuministroService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo chains for provider 900000001, created with the demo parties on a sandbox's first start, so that the
 * submitter's sample files (client-stubs/samples) work against a fresh sandbox: four direccionamientos waiting
 * for a programación, four programadas waiting for an entrega, four entregadas waiting for a reporte. They are
 * written through the service itself, dated 2025-06-02 (the entregas 2025-06-03), so that the samples' fixed dates stay valid (a delivery
 * may not be dated before its programación, nor in the future).
 */
final class SandboxChains {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxChains.class);
    static final int CHAINS = 12;
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    static final Caller EPS = new Caller(SandboxParties.EPS.nit(), Rol.EPS, SandboxParties.EPS.codigo());
    static final Caller PROVEEDOR = new Caller(SandboxParties.PROVEEDOR_1.nit(), Rol.PROVEEDOR, null);

    private SandboxChains() {
    }

    static void ensure(SuministroService suministro) {
        SuministroService service = onDemoDay(suministro);
        if (!service.queries().entregas(PROVEEDOR, Consulta.porPrescripcion(prescripcion(CHAINS))).all().isEmpty()) return;
        // The last chain's entrega is written last: without it, a first start may have stopped midway, so each
        // step is written only if that chain does not have it yet, and nothing is written twice.
        SuministroService nextDay = suministro.at(at(LocalDateTime.of(2025, 6, 3, 11, 30)));
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= CHAINS; n++) {
            String noPrescripcion = prescripcion(n);
            Consulta itsRecords = Consulta.porPrescripcion(noPrescripcion);
            List<DireccionamientoRegistro> directed = service.queries().direccionamientos(EPS, itsRecords).all();
            long id = directed.isEmpty()
                    ? service.direccionamiento(EPS, direccionamiento(noPrescripcion)).getId()
                    : directed.get(0).getID();
            ids.add(id);
            if (n > 4 && service.queries().programaciones(PROVEEDOR, itsRecords).all().isEmpty()) {
                service.programacion(PROVEEDOR, programacion(id));
            }
            if (n > 8 && service.queries().entregas(PROVEEDOR, itsRecords).all().isEmpty()) {
                nextDay.entrega(PROVEEDOR, entrega(id));
            }
        }
        LOG.info("Sandbox: demo chains for provider {}: to programar {}..{}, to entregar {}..{}, to report {}..{}"
                + " (see client-stubs/samples)", PROVEEDOR.nit(), ids.get(0), ids.get(3), ids.get(4), ids.get(7),
                ids.get(8), ids.get(11));
    }

    /** The service as it was on the demo chains' day, 2025-06-02 at 09:00 in Bogotá. */
    static SuministroService onDemoDay(SuministroService suministro) {
        return suministro.at(at(LocalDateTime.of(2025, 6, 2, 9, 0)));
    }

    static String prescripcion(int chain) {
        return String.format("202506021%011d", chain);
    }

    private static Clock at(LocalDateTime bogota) {
        return Clock.fixed(bogota.atZone(BOGOTA).toInstant(), BOGOTA);
    }

    static Direccionamiento direccionamiento(String noPrescripcion) {
        Direccionamiento d = new Direccionamiento();
        d.setNoPrescripcion(noPrescripcion);
        d.setTipoTec("M");
        d.setConTec(1);
        d.setTipoIDPaciente("CC");
        d.setNoIDPaciente("1020304050");
        d.setNoEntrega(1);
        d.setNoSubEntrega(0);
        d.setTipoIDProv("NI");
        d.setNoIDProv(PROVEEDOR.nit());
        d.setCodMunEnt("11001");
        d.setFecMaxEnt("2030-12-31");
        d.setCantTotAEntregar("30");
        d.setDirPaciente("Calle 1 # 2-3, Bogotá");
        d.setCodSerTecAEntregar("19943544-1");
        return d;
    }

    static Programacion programacion(long id) {
        Programacion p = new Programacion();
        p.setID(id);
        p.setFecMaxEnt("2030-06-30");
        p.setTipoIDSedeProv("NI");
        p.setNoIDSedeProv(PROVEEDOR.nit());
        p.setCodSedeProv("PROV008878");
        p.setCodSerTecAEntregar("19943544-1");
        p.setCantTotAEntregar("30");
        return p;
    }

    private static Entrega entrega(long id) {
        Entrega e = new Entrega();
        e.setID(id);
        e.setCodSerTecEntregado("19943544-1");
        e.setCantTotEntregada("30");
        e.setEntTotal(1);
        e.setCausaNoEntrega(0);
        e.setFecEntrega("2025-06-03");
        e.setNoLote("L-2025-06");
        e.setTipoIDRecibe("CC");
        e.setNoIDRecibe("1020304050");
        return e;
    }
}
