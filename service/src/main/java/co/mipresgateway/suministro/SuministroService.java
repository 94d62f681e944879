package co.mipresgateway.suministro;

import co.mipresgateway.auth.AuthFailure;
import co.mipresgateway.auth.Caller;
import co.mipresgateway.auth.Rol;
import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.DireccionamientoCreado;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaAmbito;
import co.mipresgateway.contract.EntregaCodigos;
import co.mipresgateway.contract.EntregaCreada;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.NODireccionamiento;
import co.mipresgateway.contract.NODireccionamientoCreado;
import co.mipresgateway.contract.NODireccionamientoRegistro;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ProgramacionCreada;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.contract.ReporteEntrega;
import co.mipresgateway.contract.ReporteEntregaCreado;
import co.mipresgateway.contract.ReporteEntregaRegistro;
import co.mipresgateway.store.Database;
import co.mipresgateway.store.Stores;
import co.mipresgateway.store.UniqueViolations;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The Suministro transactions, one method each, called alike by the REST and SOAP faces. Each write is one
 * database transaction; the rules decide, the stores write.
 */
public final class SuministroService {

    private final Database database;
    private final Stores stores;
    private final ChainStanding chainStanding;
    private final Clock clock;
    private final int queryPageSize;
    private final SuministroQueries queries;

    /** @param queryPageSize records read per page when a query's answer is written */
    public SuministroService(Database database, Stores stores, Clock clock, int queryPageSize) {
        this.database = database;
        this.stores = stores;
        this.chainStanding = new ChainStanding(stores);
        this.clock = clock;
        this.queryPageSize = queryPageSize;
        this.queries = new SuministroQueries(database, stores, queryPageSize);
    }

    /** The same service on another clock: the sandbox's demo chains are dated on fixed days. */
    public SuministroService at(Clock otherClock) {
        return new SuministroService(database, stores, otherClock, queryPageSize);
    }

    public SuministroQueries queries() {
        return queries;
    }

    // ---------- 2: Direccionamiento (EPS) ----------

    public DireccionamientoCreado direccionamiento(Caller caller, Direccionamiento d) {
        Roles.require(caller, Rol.EPS, "Direccionamiento");
        requireBody(d);
        Problems problems = new Problems();
        DireccionamientoRules.check(d, MipresTime.today(clock), problems);
        problems.throwIfAny();
        String clave = DireccionamientoRules.claveActiva(d);
        String yaExiste = "Para la prescripción " + d.getNoPrescripcion() + ", tecnología " + d.getTipoTec() + d.getConTec()
                + ", entrega " + d.getNoEntrega() + ", subentrega " + d.getNoSubEntrega() + " ya existe un direccionamiento activo.";
        return namingTheExisting("IdDireccionamiento",
                () -> database.read(h -> stores.direccionamientos().activeKeyHolder(h, caller.nit(), clave)),
                () -> write("NoPrescripcion", yaExiste, h -> {
            boolean provider = stores.parties().find(h, d.getNoIDProv()).filter(p -> p.rol() == Rol.PROVEEDOR).isPresent();
            if (!provider) problems.add("NoIDProv", "el NIT " + d.getNoIDProv() + " no corresponde a un proveedor registrado.");
            if (stores.direccionamientos().activeKeyTaken(h, clave)) problems.alreadyDone("NoPrescripcion", yaExiste);
            problems.throwIfAny();
            long[] ids = stores.direccionamientos().insert(h, d, clave, caller, now());
            DireccionamientoCreado creado = new DireccionamientoCreado();
            creado.setId(ids[0]);
            creado.setIdDireccionamiento(ids[1]);
            return creado;
        }));
    }

    public DireccionamientoCreado anularDireccionamiento(Caller caller, long idDireccionamiento) {
        Roles.require(caller, Rol.EPS, "AnularDireccionamiento");
        return database.inTransaction(h -> {
            DireccionamientoRegistro d = stores.direccionamientos().ofEps(h, caller.nit(), idDireccionamiento)
                    .orElseThrow(() -> new NotFound("El direccionamiento " + idDireccionamiento + " no existe."));
            Annulment annulment = new Annulment("IdDireccionamiento", "El direccionamiento " + idDireccionamiento,
                    "una programación activa; anúlela primero");
            annulment.refuseUnlessActive(d.getEstDireccionamiento());
            if (stores.direccionamientos().annul(h, caller.nit(), idDireccionamiento, now()) == 0) {
                stores.direccionamientos().ofEps(h, caller.nit(), idDireccionamiento)
                        .ifPresent(current -> annulment.refuseUnlessActive(current.getEstDireccionamiento()));
                throw annulment.alreadyAnnulled();
            }
            DireccionamientoCreado anulado = new DireccionamientoCreado();
            anulado.setId(d.getID());
            anulado.setIdDireccionamiento(idDireccionamiento);
            return anulado;
        });
    }

    // ---------- 3: NODireccionamiento (EPS) ----------

    public NODireccionamientoCreado noDireccionamiento(Caller caller, NODireccionamiento n) {
        Roles.require(caller, Rol.EPS, "NODireccionamiento");
        requireBody(n);
        Problems problems = new Problems();
        DireccionamientoRules.check(n, problems);
        problems.throwIfAny();
        String clave = DireccionamientoRules.claveActiva(n);
        String yaExiste = "Para la prescripción " + n.getNoPrescripcion() + ", tecnología " + n.getTipoTec() + n.getConTec()
                + " ya existe un no direccionamiento activo.";
        return write("NoPrescripcion", yaExiste, h -> {
            if (stores.noDireccionamientos().activeKeyTaken(h, clave)) problems.alreadyDone("NoPrescripcion", yaExiste);
            problems.throwIfAny();
            long[] ids = stores.noDireccionamientos().insert(h, n, clave, caller, now());
            NODireccionamientoCreado creado = new NODireccionamientoCreado();
            creado.setId(ids[0]);
            creado.setIdNODireccionamiento(ids[1]);
            return creado;
        });
    }

    public NODireccionamientoCreado anularNODireccionamiento(Caller caller, long idNODireccionamiento) {
        Roles.require(caller, Rol.EPS, "AnularNODireccionamiento");
        return database.inTransaction(h -> {
            NODireccionamientoRegistro n = stores.noDireccionamientos().ofEps(h, caller.nit(), idNODireccionamiento)
                    .orElseThrow(() -> new NotFound("El no direccionamiento " + idNODireccionamiento + " no existe."));
            if (n.getEstNODireccionamiento() == Estado.ANULADO
                    || stores.noDireccionamientos().annul(h, caller.nit(), idNODireccionamiento, now()) == 0) {
                throw alreadyAnnulled("IdNODireccionamiento", "El no direccionamiento " + idNODireccionamiento);
            }
            NODireccionamientoCreado anulado = new NODireccionamientoCreado();
            anulado.setId(n.getID());
            anulado.setIdNODireccionamiento(idNODireccionamiento);
            return anulado;
        });
    }

    // ---------- 4: Programacion (provider) ----------

    public ProgramacionCreada programacion(Caller caller, Programacion p) {
        Roles.require(caller, Rol.PROVEEDOR, "Programacion");
        requireBody(p);
        String yaExiste = "Para el ID " + p.getID() + " ya existe una programación activa.";
        return namingTheExisting("IdProgramacion", () -> p.getID() == null ? Optional.empty() : database.read(h ->
                stores.programaciones().liveOfChain(h, caller.nit(), p.getID()).map(ProgramacionRegistro::getIDProgramacion)),
                () -> write("ID", yaExiste, h -> {
            Problems problems = new Problems();
            DireccionamientoRegistro d = p.getID() == null ? null
                    : stores.direccionamientos().ofProvider(h, caller.nit(), p.getID()).orElse(null);
            ProgramacionRules.check(p, d, problems);
            problems.throwIfAny();
            if (stores.direccionamientos().changeEstado(h, d.getIDDireccionamiento(), Estado.ACTIVO, Estado.PROCESADO) == 0) {
                throw lostRace("ID", yaExiste, again -> ProgramacionRules.check(p,
                        stores.direccionamientos().ofProvider(h, caller.nit(), p.getID()).orElse(null), again));
            }
            ProgramacionCreada creada = new ProgramacionCreada();
            creada.setId(d.getID());
            creada.setIdProgramacion(stores.programaciones().insert(h, p, d, caller.nit(), now()));
            return creada;
        }));
    }

    public ProgramacionCreada anularProgramacion(Caller caller, long idProgramacion) {
        Roles.require(caller, Rol.PROVEEDOR, "AnularProgramacion");
        return database.inTransaction(h -> {
            ProgramacionRegistro p = stores.programaciones().own(h, caller.nit(), idProgramacion)
                    .orElseThrow(() -> new NotFound("La programación " + idProgramacion + " no existe."));
            Annulment annulment = new Annulment("IdProgramacion", "La programación " + idProgramacion,
                    "una entrega activa; anúlela primero");
            annulment.refuseUnlessActive(p.getEstProgramacion());
            if (stores.programaciones().annul(h, caller.nit(), idProgramacion, now()) == 0) {
                stores.programaciones().own(h, caller.nit(), idProgramacion)
                        .ifPresent(current -> annulment.refuseUnlessActive(current.getEstProgramacion()));
                throw annulment.alreadyAnnulled();
            }
            DireccionamientoRegistro d = stores.direccionamientos().ofProvider(h, caller.nit(), p.getID()).orElseThrow();
            stores.direccionamientos().changeEstado(h, d.getIDDireccionamiento(), Estado.PROCESADO, Estado.ACTIVO);
            ProgramacionCreada anulada = new ProgramacionCreada();
            anulada.setId(p.getID());
            anulada.setIdProgramacion(idProgramacion);
            return anulada;
        });
    }

    // ---------- 5: Entrega, EntregaAmbito, EntregaCodigos (provider) ----------

    public EntregaCreada entrega(Caller caller, Entrega e) {
        Roles.require(caller, Rol.PROVEEDOR, "Entrega");
        requireBody(e);
        String yaExiste = "Para el ID " + e.getID() + " ya existe una entrega activa.";
        return namingTheExisting("IdEntrega", () -> e.getID() == null ? Optional.empty() : database.read(h ->
                stores.entregas().liveOfChain(h, caller.nit(), e.getID()).map(EntregaRegistro::getIDEntrega)),
                () -> write("ID", yaExiste, h -> {
            Problems problems = new Problems();
            ProgramacionRegistro p = e.getID() == null ? null
                    : stores.programaciones().liveOfChain(h, caller.nit(), e.getID()).orElse(null);
            Supplier<String> whyNone = () -> chainStanding.whyNoActiveProgramacion(h, caller.nit(), e.getID());
            EntregaRules.check(e, p, whyNone, MipresTime.today(clock), problems);
            problems.throwIfAny();
            if (stores.programaciones().changeEstado(h, p.getIDProgramacion(), Estado.ACTIVO, Estado.PROCESADO) == 0) {
                throw lostRace("ID", yaExiste, again -> EntregaRules.check(e,
                        stores.programaciones().liveOfChain(h, caller.nit(), e.getID()).orElse(null), whyNone,
                        MipresTime.today(clock), again));
            }
            return entregaCreada(p.getID(), stores.entregas().insert(h, e, p, caller.nit(), now()));
        }));
    }

    public EntregaCreada entregaAmbito(Caller caller, EntregaAmbito e) {
        Roles.require(caller, Rol.PROVEEDOR, "EntregaAmbito");
        requireBody(e);
        Problems problems = new Problems();
        EntregaRules.check(e, MipresTime.today(clock), problems);
        problems.throwIfAny();
        String clave = EntregaRules.claveAmbito(e);
        String yaExiste = "Para la prescripción " + e.getNoPrescripcion() + ", tecnología " + e.getTipoTec()
                + e.getConTec() + ", entrega " + e.getNoEntrega() + " ya existe una entrega activa.";
        return namingTheExisting("IdEntrega", () -> database.read(h -> stores.entregas().ambitoKeyHolder(h, caller.nit(), clave)),
                () -> write("NoPrescripcion", yaExiste, h -> {
            if (stores.entregas().ambitoKeyTaken(h, clave)) throw alreadyDone("NoPrescripcion", yaExiste);
            long[] ids = stores.entregas().insertAmbito(h, e, clave, caller.nit(), now());
            return entregaCreada(ids[0], ids[1]);
        }));
    }

    public EntregaCreada entregaCodigos(Caller caller, EntregaCodigos c) {
        Roles.require(caller, Rol.PROVEEDOR, "EntregaCodigos");
        requireBody(c);
        return database.inTransaction(h -> {
            Problems problems = new Problems();
            EntregaRegistro e = c.getID() == null ? null
                    : stores.entregas().liveOfChain(h, caller.nit(), c.getID()).orElse(null);
            Supplier<String> whyNone = () -> chainStanding.whyNoActiveEntrega(h, caller.nit(), c.getID());
            EntregaRules.check(c, e, whyNone, MipresTime.today(clock), problems);
            problems.throwIfAny();
            if (!stores.entregas().addCodigo(h, e.getIDEntrega(), c)) {
                throw lostRace("ID", "La entrega " + e.getIDEntrega() + " fue anulada; envíe de nuevo los códigos.",
                        again -> EntregaRules.check(c, stores.entregas().liveOfChain(h, caller.nit(), c.getID()).orElse(null),
                                whyNone, MipresTime.today(clock), again));
            }
            return entregaCreada(e.getID(), e.getIDEntrega());
        });
    }

    public EntregaCreada anularEntrega(Caller caller, long idEntrega) {
        Roles.require(caller, Rol.PROVEEDOR, "AnularEntrega");
        return database.inTransaction(h -> {
            EntregaRegistro e = stores.entregas().own(h, caller.nit(), idEntrega)
                    .orElseThrow(() -> new NotFound("La entrega " + idEntrega + " no existe."));
            Annulment annulment = new Annulment("IdEntrega", "La entrega " + idEntrega,
                    "un reporte de entrega activo; anúlelo primero");
            annulment.refuseUnlessActive(e.getEstEntrega());
            if (stores.entregas().annul(h, caller.nit(), idEntrega, now()) == 0) {
                stores.entregas().own(h, caller.nit(), idEntrega)
                        .ifPresent(current -> annulment.refuseUnlessActive(current.getEstEntrega()));
                throw annulment.alreadyAnnulled();
            }
            stores.entregas().programacionOf(h, idEntrega).ifPresent(idProgramacion ->
                    stores.programaciones().changeEstado(h, idProgramacion, Estado.PROCESADO, Estado.ACTIVO));
            return entregaCreada(e.getID(), idEntrega);
        });
    }

    // ---------- 6: ReporteEntrega (provider) ----------

    public ReporteEntregaCreado reporteEntrega(Caller caller, ReporteEntrega r) {
        Roles.require(caller, Rol.PROVEEDOR, "ReporteEntrega");
        requireBody(r);
        Problems problems = new Problems();
        ReporteEntregaRules.checkFields(r, problems);
        String yaExiste = "Para " + (r.getID() != null ? "el ID " + r.getID() : "la entrega " + r.getIDEntrega())
                + " ya existe un reporte de entrega activo.";
        String campo = r.getID() != null ? "ID" : "IDEntrega";
        return namingTheExisting("IdReporteEntrega", () -> database.read(h -> Optional.ofNullable(entregaNamedBy(h, caller, r))
                        .flatMap(e -> stores.reportes().activeOfEntrega(h, caller.nit(), e.getIDEntrega()))),
                () -> write(campo, yaExiste, h -> {
            EntregaRegistro e = entregaNamedBy(h, caller, r);
            Supplier<String> whyNone = () -> r.getID() != null ? chainStanding.whyNoActiveEntrega(h, caller.nit(), r.getID())
                    : chainStanding.ofEntrega(h, caller.nit(), r.getIDEntrega());
            if (r.getID() != null || r.getIDEntrega() != null) ReporteEntregaRules.checkAgainst(r, e, whyNone, problems);
            problems.throwIfAny();
            if (stores.entregas().changeEstado(h, e.getIDEntrega(), Estado.ACTIVO, Estado.PROCESADO) == 0) {
                throw lostRace(campo, yaExiste, again -> ReporteEntregaRules.checkAgainst(r, entregaNamedBy(h, caller, r),
                        whyNone, again));
            }
            ReporteEntregaCreado creado = new ReporteEntregaCreado();
            creado.setId(e.getID());
            creado.setIdReporteEntrega(stores.reportes().insert(h, r, e, caller.nit(), now()));
            return creado;
        }));
    }

    /** The caller's delivery that is not annulled, named by the report's ID or else its IDEntrega; null if none. */
    private EntregaRegistro entregaNamedBy(Handle h, Caller caller, ReporteEntrega r) {
        if (r.getID() != null) return stores.entregas().liveOfChain(h, caller.nit(), r.getID()).orElse(null);
        if (r.getIDEntrega() != null) return stores.entregas().liveById(h, caller.nit(), r.getIDEntrega()).orElse(null);
        return null;
    }

    public ReporteEntregaCreado anularReporteEntrega(Caller caller, long idReporteEntrega) {
        Roles.require(caller, Rol.PROVEEDOR, "AnularReporteEntrega");
        return database.inTransaction(h -> {
            ReporteEntregaRegistro r = stores.reportes().own(h, caller.nit(), idReporteEntrega)
                    .orElseThrow(() -> new NotFound("El reporte de entrega " + idReporteEntrega + " no existe."));
            if (r.getEstRepEntrega() == Estado.ANULADO
                    || stores.reportes().annul(h, caller.nit(), idReporteEntrega, now()) == 0) {
                throw alreadyAnnulled("IdReporteEntrega", "El reporte de entrega " + idReporteEntrega);
            }
            long idEntrega = stores.reportes().entregaOf(h, idReporteEntrega);
            stores.entregas().changeEstado(h, idEntrega, Estado.PROCESADO, Estado.ACTIVO);
            ReporteEntregaCreado anulado = new ReporteEntregaCreado();
            anulado.setId(r.getID());
            anulado.setIdReporteEntrega(idReporteEntrega);
            return anulado;
        });
    }

    // ---------- shared ----------

    /**
     * One write transaction. When another request wins a race for the same active step, the database's UNIQUE
     * constraint breaks this one: the caller hears "ya existe", as if it had come second in line.
     */
    private <R> R write(String field, String alreadyExists, HandleCallback<R, RuntimeException> work) {
        try {
            return database.inTransaction(work);
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw alreadyDone(field, alreadyExists);
            throw e;
        }
    }

    /** The write; when it is refused because its step already exists, the refusal names the record that does. */
    private static <R> R namingTheExisting(String idName, Supplier<Optional<Long>> existing, Supplier<R> write) {
        try {
            return write.get();
        } catch (ValidationFailure refused) {
            throw refused.naming(idName, existing);
        }
    }

    private LocalDateTime now() {
        return MipresTime.now(clock);
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new ValidationFailure(Problems.SUMMARY, List.of("La solicitud no tiene cuerpo: envíe el objeto JSON de la transacción."));
        }
    }

    private static EntregaCreada entregaCreada(long id, long idEntrega) {
        EntregaCreada creada = new EntregaCreada();
        creada.setId(id);
        creada.setIdEntrega(idEntrega);
        return creada;
    }

    private static ValidationFailure alreadyDone(String field, String text) {
        Problems problems = new Problems();
        problems.alreadyDone(field, text);
        return new ValidationFailure(text, problems.lines());
    }

    /**
     * The step read as active was no longer so when it was changed: another request used it, or annulled it, in
     * between. The rules, run again on the state as committed now, say which; "ya existe" only when it is true,
     * since clients take it for "already done" and stop retrying. The fallback answers when the rules find nothing
     * wrong now (the chain got a new step meanwhile).
     */
    private static ValidationFailure lostRace(String field, String fallback, Consumer<Problems> recheck) {
        Problems again = new Problems();
        recheck.accept(again);
        again.throwIfAny();
        return alreadyDone(field, fallback);
    }

    private static ValidationFailure alreadyAnnulled(String field, String subject) {
        return alreadyDone(field, subject + (subject.startsWith("La ") ? " ya fue anulada." : " ya fue anulado."));
    }

    /**
     * Annulment goes backwards only: a step whose next step is active stays. The annulling update changes only an
     * active record; when it changes none, the record was used or annulled by another request after it was read,
     * and the state read again says which.
     */
    private record Annulment(String field, String subject, String successor) {

        void refuseUnlessActive(int estado) {
            if (estado == Estado.ANULADO) throw alreadyAnnulled();
            if (estado == Estado.PROCESADO) {
                Problems problems = new Problems();
                problems.add(field, subject + " no se puede anular: tiene " + successor + ".");
                problems.throwIfAny();
            }
        }

        ValidationFailure alreadyAnnulled() {
            return SuministroService.alreadyAnnulled(field, subject);
        }
    }

    /** Which role may call which transaction. */
    static final class Roles {
        private Roles() {
        }

        static void require(Caller caller, Rol rol, String transaccion) {
            if (!caller.is(rol)) throw AuthFailure.wrongRole(transaccion, rol);
        }
    }
}
