package co.mipresgateway.suministro;

import co.mipresgateway.auth.Caller;
import co.mipresgateway.auth.Rol;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.NODireccionamientoRegistro;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.contract.ReporteEntregaRegistro;
import co.mipresgateway.store.Database;
import co.mipresgateway.store.StepQueries;
import co.mipresgateway.store.Stores;
import java.util.List;

/**
 * The XFecha, XPrescripcion and XPacienteFecha queries of every step. A caller sees only its own records
 * (an EPS what it directed, a provider what was directed to it or what it did); nothing matching is [].
 */
public final class SuministroQueries {

    /** The step a query is about: its name (for messages), who may ask, and where its records are. */
    public enum Paso {
        DIRECCIONAMIENTO("Direccionamiento", null),
        NO_DIRECCIONAMIENTO("NODireccionamiento", Rol.EPS),
        PROGRAMACION("Programacion", Rol.PROVEEDOR),
        ENTREGA("Entrega", Rol.PROVEEDOR),
        REPORTE_ENTREGA("ReporteEntrega", Rol.PROVEEDOR);

        final String transaccion;
        final Rol soloRol;

        Paso(String transaccion, Rol soloRol) {
            this.transaccion = transaccion;
            this.soloRol = soloRol;
        }
    }

    private final Database database;
    private final Stores stores;

    SuministroQueries(Database database, Stores stores) {
        this.database = database;
        this.stores = stores;
    }

    public List<DireccionamientoRegistro> direccionamientos(Caller c, Consulta consulta) {
        return run(c, Paso.DIRECCIONAMIENTO, stores.direccionamientos().seenBy(c), consulta);
    }

    public List<NODireccionamientoRegistro> noDireccionamientos(Caller c, Consulta consulta) {
        return run(c, Paso.NO_DIRECCIONAMIENTO, stores.noDireccionamientos().queries(), consulta);
    }

    public List<ProgramacionRegistro> programaciones(Caller c, Consulta consulta) {
        return run(c, Paso.PROGRAMACION, stores.programaciones().queries(), consulta);
    }

    public List<EntregaRegistro> entregas(Caller c, Consulta consulta) {
        return run(c, Paso.ENTREGA, stores.entregas(), consulta);
    }

    public List<ReporteEntregaRegistro> reportesEntrega(Caller c, Consulta consulta) {
        return run(c, Paso.REPORTE_ENTREGA, stores.reportes().queries(), consulta);
    }

    private <T> List<T> run(Caller caller, Paso paso, StepQueries<T> step, Consulta consulta) {
        if (paso.soloRol != null) {
            SuministroService.Roles.require(caller, paso.soloRol, paso.transaccion + consulta.sufijo());
        }
        consulta.validate();
        return database.read(h -> consulta.run(h, step, caller.nit()));
    }

    /** One of the three queries, with the values of its path. */
    public sealed interface Consulta {
        String sufijo();

        void validate();

        <T> List<T> run(org.jdbi.v3.core.Handle h, StepQueries<T> step, String nit);

        static Consulta porFecha(String fecha) {
            return new PorFecha(fecha);
        }

        static Consulta porPrescripcion(String noPrescripcion) {
            return new PorPrescripcion(noPrescripcion);
        }

        static Consulta porPacienteFecha(String fecha, String tipoDoc, String numDoc) {
            return new PorPacienteFecha(fecha, tipoDoc, numDoc);
        }
    }

    record PorFecha(String fecha) implements Consulta {
        public String sufijo() { return "XFecha"; }

        public void validate() {
            Problems problems = new Problems();
            new FieldChecks(problems).fecha("fecha", fecha);
            problems.throwIfAny();
        }

        public <T> List<T> run(org.jdbi.v3.core.Handle h, StepQueries<T> step, String nit) {
            return step.byFecha(h, nit, MipresTime.fecha(fecha));
        }
    }

    record PorPrescripcion(String noPrescripcion) implements Consulta {
        public String sufijo() { return "XPrescripcion"; }

        public void validate() {
            Problems problems = new Problems();
            new FieldChecks(problems).noPrescripcion("NoPrescripcion", noPrescripcion);
            problems.throwIfAny();
        }

        public <T> List<T> run(org.jdbi.v3.core.Handle h, StepQueries<T> step, String nit) {
            return step.byPrescripcion(h, nit, noPrescripcion);
        }
    }

    record PorPacienteFecha(String fecha, String tipoDoc, String numDoc) implements Consulta {
        public String sufijo() { return "XPacienteFecha"; }

        public void validate() {
            Problems problems = new Problems();
            FieldChecks checks = new FieldChecks(problems);
            checks.fecha("fecha", fecha);
            checks.oneOf("TipoIDPaciente", tipoDoc, FieldChecks.TIPOS_ID_PACIENTE);
            checks.documento("NoIDPaciente", numDoc);
            problems.throwIfAny();
        }

        public <T> List<T> run(org.jdbi.v3.core.Handle h, StepQueries<T> step, String nit) {
            return step.byPacienteFecha(h, nit, MipresTime.fecha(fecha), tipoDoc, numDoc);
        }
    }
}
