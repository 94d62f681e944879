package co.mipresgateway.client;

import co.mipresgateway.client.contract.Direccionamiento;
import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.EntregaAmbito;
import co.mipresgateway.client.contract.EntregaCodigos;
import co.mipresgateway.client.contract.NODireccionamiento;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.contract.ReporteEntrega;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Valid bodies of each transaction, as an ERP would build them with the typed client. */
public final class TypedBodies {

    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    public static final String PACIENTE = "1020304050";
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    private TypedBodies() {
    }

    public static LocalDate today() {
        return LocalDate.now(BOGOTA);
    }

    /** A 20-digit prescription number no other test uses. */
    public static String newPrescripcion() {
        return String.format("2026%016d", SEQUENCE.incrementAndGet());
    }

    public static Direccionamiento direccionamiento(String noPrescripcion, String provider) {
        Direccionamiento d = new Direccionamiento();
        d.setNoPrescripcion(noPrescripcion);
        d.setTipoTec("M");
        d.setConTec(1);
        d.setTipoIDPaciente("CC");
        d.setNoIDPaciente(PACIENTE);
        d.setNoEntrega(1);
        d.setNoSubEntrega(0);
        d.setTipoIDProv("NI");
        d.setNoIDProv(provider);
        d.setCodMunEnt("11001");
        d.setFecMaxEnt(today().plusDays(10).toString());
        d.setCantTotAEntregar("30");
        d.setDirPaciente("Calle 1 # 2-3");
        d.setCodSerTecAEntregar("19943544-1");
        return d;
    }

    public static NODireccionamiento noDireccionamiento(String noPrescripcion) {
        NODireccionamiento n = new NODireccionamiento();
        n.setNoPrescripcion(noPrescripcion);
        n.setTipoTec("M");
        n.setConTec(1);
        n.setTipoIDPaciente("CC");
        n.setNoIDPaciente(PACIENTE);
        n.setCausaNoEntrega(6);
        return n;
    }

    public static Programacion programacion(long id, String provider) {
        Programacion p = new Programacion();
        p.setID(id);
        p.setFecMaxEnt(today().plusDays(5).toString());
        p.setTipoIDSedeProv("NI");
        p.setNoIDSedeProv(provider);
        p.setCodSedeProv("PROV008878");
        p.setCodSerTecAEntregar("19943544-1");
        p.setCantTotAEntregar("30");
        return p;
    }

    public static Entrega entrega(long id) {
        Entrega e = new Entrega();
        e.setID(id);
        e.setCodSerTecEntregado("19943544-1");
        e.setCantTotEntregada("30");
        e.setEntTotal(1);
        e.setCausaNoEntrega(0);
        e.setFecEntrega(today().toString());
        e.setNoLote("L-2026-01");
        e.setTipoIDRecibe("CC");
        e.setNoIDRecibe(PACIENTE);
        return e;
    }

    public static EntregaAmbito entregaAmbito(String noPrescripcion) {
        EntregaAmbito e = new EntregaAmbito();
        e.setNoPrescripcion(noPrescripcion);
        e.setTipoTec("M");
        e.setConTec(1);
        e.setTipoIDPaciente("CC");
        e.setNoIDPaciente(PACIENTE);
        e.setNoEntrega(1);
        e.setCodSerTecEntregado("19943544-1");
        e.setCantTotEntregada("10");
        e.setEntTotal(1);
        e.setCausaNoEntrega(0);
        e.setFecEntrega(today().toString());
        e.setNoLote("L-2026-02");
        return e;
    }

    public static EntregaCodigos entregaCodigos(long id) {
        EntregaCodigos c = new EntregaCodigos();
        c.setID(id);
        c.setCodSerTecEntregado("19943544-1");
        c.setCantTotEntregada("30");
        c.setFecEntrega(today().toString());
        return c;
    }

    public static ReporteEntrega reporte(long id) {
        ReporteEntrega r = new ReporteEntrega();
        r.setID(id);
        r.setEstadoEntrega(1);
        r.setCausaNoEntrega(0);
        r.setValorEntregado(new BigDecimal("12500.50"));
        return r;
    }
}
