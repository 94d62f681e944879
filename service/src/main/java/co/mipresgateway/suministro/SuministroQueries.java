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
import co.mipresgateway.store.StepQueries.Filter;
import co.mipresgateway.store.Stores;

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
    private final int pageSize;

    SuministroQueries(Database database, Stores stores, int pageSize) {
        this.database = database;
        this.stores = stores;
        this.pageSize = pageSize;
    }

    public Records<DireccionamientoRegistro> direccionamientos(Caller c, Consulta consulta) {
        return run(c, Paso.DIRECCIONAMIENTO, stores.direccionamientos().seenBy(c), consulta);
    }

    public Records<NODireccionamientoRegistro> noDireccionamientos(Caller c, Consulta consulta) {
        return run(c, Paso.NO_DIRECCIONAMIENTO, stores.noDireccionamientos().queries(), consulta);
    }

    public Records<ProgramacionRegistro> programaciones(Caller c, Consulta consulta) {
        return run(c, Paso.PROGRAMACION, stores.programaciones().queries(), consulta);
    }

    public Records<EntregaRegistro> entregas(Caller c, Consulta consulta) {
        return run(c, Paso.ENTREGA, stores.entregas(), consulta);
    }

    public Records<ReporteEntregaRegistro> reportesEntrega(Caller c, Consulta consulta) {
        return run(c, Paso.REPORTE_ENTREGA, stores.reportes().queries(), consulta);
    }

    /** Checks who asks and what, at once (so that a refusal is answered before any record); reads when written. */
    private <T> Records<T> run(Caller caller, Paso paso, StepQueries<T> step, Consulta consulta) {
        if (paso.soloRol != null) {
            SuministroService.Roles.require(caller, paso.soloRol, paso.transaccion + consulta.sufijo());
        }
        consulta.validate();
        return new Records<>(database, step, consulta.filter(caller.nit()), pageSize);
    }

    /** One of the three queries, with the values of its path. */
    public sealed interface Consulta {
        String sufijo();

        void validate();

        /** What the caller with this NIT asks for. */
        Filter filter(String nit);

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

        public Filter filter(String nit) {
            return new StepQueries.OnDay(nit, MipresTime.fecha(fecha));
        }
    }

    record PorPrescripcion(String noPrescripcion) implements Consulta {
        public String sufijo() { return "XPrescripcion"; }

        public void validate() {
            Problems problems = new Problems();
            new FieldChecks(problems).noPrescripcion("NoPrescripcion", noPrescripcion);
            problems.throwIfAny();
        }

        public Filter filter(String nit) {
            return new StepQueries.OfPrescripcion(nit, noPrescripcion);
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

        public Filter filter(String nit) {
            return new StepQueries.OfPatientOnDay(nit, MipresTime.fecha(fecha), tipoDoc, numDoc);
        }
    }
}
