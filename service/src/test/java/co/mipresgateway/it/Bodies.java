package co.mipresgateway.it;

import co.mipresgateway.suministro.MipresTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Valid bodies of each transaction, as an integrator sends them; tests change one field to break one rule. */
public final class Bodies {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private Bodies() {
    }

    /** A prescription number no other test (nor an earlier run on the same database) has used. */
    public static String newPrescripcion() {
        return "2026" + String.format("%016d", NEXT.incrementAndGet());
    }

    public static Map<String, Object> direccionamiento(String noPrescripcion, String provider, LocalDate fecMaxEnt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("NoPrescripcion", noPrescripcion);
        d.put("TipoTec", "M");
        d.put("ConTec", 1);
        d.put("TipoIDPaciente", "CC");
        d.put("NoIDPaciente", "1020304050");
        d.put("NoEntrega", 1);
        d.put("NoSubEntrega", 0);
        d.put("TipoIDProv", "NI");
        d.put("NoIDProv", provider);
        d.put("CodMunEnt", "11001");
        d.put("FecMaxEnt", fecMaxEnt.toString());
        d.put("CantTotAEntregar", "30");
        d.put("DirPaciente", "Calle 10 # 20-30");
        d.put("CodSerTecAEntregar", "19943544-1");
        return d;
    }

    public static Map<String, Object> noDireccionamiento(String noPrescripcion) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("NoPrescripcion", noPrescripcion);
        n.put("TipoTec", "M");
        n.put("ConTec", 2);
        n.put("TipoIDPaciente", "CC");
        n.put("NoIDPaciente", "1020304050");
        n.put("CausaNoEntrega", 6);
        return n;
    }

    public static Map<String, Object> programacion(long id, String provider, LocalDate fecMaxEnt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ID", id);
        p.put("FecMaxEnt", fecMaxEnt.toString());
        p.put("TipoIDSedeProv", "NI");
        p.put("NoIDSedeProv", provider);
        p.put("CodSedeProv", "PROV008878");
        p.put("CodSerTecAEntregar", "19943544-1");
        p.put("CantTotAEntregar", "30");
        return p;
    }

    public static Map<String, Object> entrega(long id, LocalDate fecEntrega) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ID", id);
        e.put("CodSerTecEntregado", "19943544-1");
        e.put("CantTotEntregada", "30");
        e.put("EntTotal", 1);
        e.put("CausaNoEntrega", 0);
        e.put("FecEntrega", fecEntrega.toString());
        e.put("NoLote", "LOTE-77");
        e.put("TipoIDRecibe", "CC");
        e.put("NoIDRecibe", "1020304050");
        return e;
    }

    public static Map<String, Object> entregaAmbito(String noPrescripcion, LocalDate fecEntrega) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("NoPrescripcion", noPrescripcion);
        e.put("TipoTec", "M");
        e.put("ConTec", 1);
        e.put("TipoIDPaciente", "CC");
        e.put("NoIDPaciente", "1020304050");
        e.put("NoEntrega", 1);
        e.put("CodSerTecEntregado", "19943544-1");
        e.put("CantTotEntregada", "2");
        e.put("EntTotal", 1);
        e.put("CausaNoEntrega", 0);
        e.put("FecEntrega", fecEntrega.toString());
        e.put("NoLote", "LOTE-9");
        return e;
    }

    public static Map<String, Object> entregaCodigos(long id, LocalDate fecEntrega) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ID", id);
        c.put("CodSerTecEntregado", "19943544-2");
        c.put("CantTotEntregada", "10");
        c.put("FecEntrega", fecEntrega.toString());
        return c;
    }

    public static Map<String, Object> reporteEntrega(long id, Object valorEntregado) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", id);
        r.put("EstadoEntrega", 1);
        r.put("CausaNoEntrega", 0);
        r.put("ValorEntregado", valorEntregado);
        return r;
    }

    public static LocalDate today(Clock clock) {
        return MipresTime.today(clock);
    }
}
