package co.mipresgateway.store;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * What every step of the chain shares in SQL, seen by one kind of owner (the provider's NIT column, or the
 * EPS's): the ministry's three queries (by date, by prescription, by patient and date), the look-ups the rules
 * need, annulment and state changes. Each statement is written once, when the store is built.
 */
final class StepTable<T> implements StepQueries<T> {

    /** The columns that name a step's table. */
    record Columns(String table, String id, String estado, String activeKey, String date, String owner, String select) {
    }

    /** The two statements of one of the three queries: its first records, and the IDs of the rest. */
    private record Statements(String first, String idsAfter) {
    }

    private final RowMapper<T> mapper;
    private final ToLongFunction<T> idOf;
    private final Statements onDay;
    private final Statements ofPrescripcion;
    private final Statements ofPatientOnDay;
    private final String byIds;
    private final String findOwn;
    private final String annul;
    private final String changeEstado;
    private final String select;
    private final Columns c;

    StepTable(Columns c, RowMapper<T> mapper, ToLongFunction<T> idOf) {
        this.c = c;
        this.mapper = mapper;
        this.idOf = idOf;
        this.select = "SELECT " + c.select() + " FROM " + c.table() + " ";
        String owned = "WHERE " + c.owner() + " = ? ";
        String day = "AND " + c.date() + " >= ? AND " + c.date() + " < ? ";
        this.onDay = statements(owned + day);
        this.ofPrescripcion = statements(owned + "AND no_prescripcion = ? ");
        this.ofPatientOnDay = statements(owned + "AND no_id_paciente = ? AND tipo_id_paciente = ? " + day);
        this.byIds = select + "WHERE " + c.id() + " = ANY(?) ORDER BY " + c.id();
        this.findOwn = select + owned + "AND " + c.id() + " = ?";
        this.annul = "UPDATE " + c.table() + " SET " + c.estado() + " = 0, fec_anulacion = ?, " + c.activeKey()
                + " = NULL WHERE " + c.id() + " = ? AND " + c.owner() + " = ? AND " + c.estado() + " = 1";
        this.changeEstado = "UPDATE " + c.table() + " SET " + c.estado() + " = ? WHERE " + c.id() + " = ? AND "
                + c.estado() + " = ?";
    }

    private Statements statements(String where) {
        return new Statements(select + where + "ORDER BY " + c.id() + " LIMIT ?",
                "SELECT " + c.id() + " FROM " + c.table() + " " + where + "AND " + c.id() + " > ? ORDER BY " + c.id());
    }

    /** The same table seen by another owner column (an EPS's direccionamientos, not a provider's). */
    StepTable<T> ownedBy(String ownerColumn) {
        return new StepTable<>(new Columns(c.table(), c.id(), c.estado(), c.activeKey(), c.date(), ownerColumn,
                c.select()), mapper, idOf);
    }

    @Override
    public List<T> first(Handle h, Filter filter, int limit) {
        return PlainStatements.list(h, statementsOf(filter).first(), mapper, argsOf(filter, limit));
    }

    @Override
    public long[] idsAfter(Handle h, Filter filter, long afterId) {
        return PlainStatements.list(h, statementsOf(filter).idsAfter(), (rs, ctx) -> rs.getLong(1),
                argsOf(filter, afterId)).stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public List<T> byIds(Handle h, long[] ids) {
        return PlainStatements.list(h, byIds, mapper, (Object) ids);
    }

    @Override
    public long idOf(T record) {
        return idOf.applyAsLong(record);
    }

    private Statements statementsOf(Filter filter) {
        if (filter instanceof OnDay) return onDay;
        if (filter instanceof OfPrescripcion) return ofPrescripcion;
        return ofPatientOnDay;
    }

    /** The filter's values in the order of its statements' parameters, then the last (the limit, or the ID after). */
    private static Object[] argsOf(Filter filter, Object last) {
        if (filter instanceof OnDay d) {
            return new Object[] {d.nit(), d.fecha().atStartOfDay(), d.fecha().plusDays(1).atStartOfDay(), last};
        }
        if (filter instanceof OfPrescripcion p) return new Object[] {p.nit(), p.noPrescripcion(), last};
        OfPatientOnDay p = (OfPatientOnDay) filter;
        return new Object[] {p.nit(), p.numDoc(), p.tipoDoc(), p.fecha().atStartOfDay(), p.fecha().plusDays(1).atStartOfDay(), last};
    }

    /** The record with this own id, of this owner, whatever its state. */
    Optional<T> findOwn(Handle h, String nit, long id) {
        return h.createQuery(findOwn).bind(0, nit).bind(1, id).map(mapper).findOne();
    }

    /** A prepared query of this table's columns: the caller adds the WHERE clause. */
    String select(String where) {
        return select + where;
    }

    RowMapper<T> mapper() {
        return mapper;
    }

    /** Annuls an active record of this owner; 0 when it was not active (or not the owner's). */
    int annul(Handle h, String nit, long id, LocalDateTime now) {
        return h.createUpdate(annul).bind(0, now).bind(1, id).bind(2, nit).execute();
    }

    /** Moves the record from one state to another only if it is still in the first; 0 rows means it was not. */
    int changeEstado(Handle h, long id, int from, int to) {
        return PlainStatements.update(h, changeEstado, to, id, from);
    }
}
