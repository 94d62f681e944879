package co.mipresgateway.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
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

    private final RowMapper<T> mapper;
    private final String byFecha;
    private final String byPrescripcion;
    private final String byPacienteFecha;
    private final String findOwn;
    private final String annul;
    private final String changeEstado;
    private final String select;
    private final Columns c;

    StepTable(Columns c, RowMapper<T> mapper) {
        this.c = c;
        this.mapper = mapper;
        this.select = "SELECT " + c.select() + " FROM " + c.table() + " ";
        String owned = "WHERE " + c.owner() + " = ? ";
        String onDay = "AND " + c.date() + " >= ? AND " + c.date() + " < ? ";
        String order = "ORDER BY " + c.id();
        this.byFecha = select + owned + onDay + order;
        this.byPrescripcion = select + owned + "AND no_prescripcion = ? " + order;
        this.byPacienteFecha = select + owned + "AND no_id_paciente = ? AND tipo_id_paciente = ? " + onDay + order;
        this.findOwn = select + owned + "AND " + c.id() + " = ?";
        this.annul = "UPDATE " + c.table() + " SET " + c.estado() + " = 0, fec_anulacion = ?, " + c.activeKey()
                + " = NULL WHERE " + c.id() + " = ? AND " + c.owner() + " = ? AND " + c.estado() + " = 1";
        this.changeEstado = "UPDATE " + c.table() + " SET " + c.estado() + " = ? WHERE " + c.id() + " = ? AND "
                + c.estado() + " = ?";
    }

    /** The same table seen by another owner column (an EPS's direccionamientos, not a provider's). */
    StepTable<T> ownedBy(String ownerColumn) {
        return new StepTable<>(new Columns(c.table(), c.id(), c.estado(), c.activeKey(), c.date(), ownerColumn,
                c.select()), mapper);
    }

    @Override
    public List<T> byFecha(Handle h, String nit, LocalDate fecha) {
        return h.createQuery(byFecha).bind(0, nit).bind(1, fecha.atStartOfDay()).bind(2, fecha.plusDays(1).atStartOfDay())
                .map(mapper).list();
    }

    @Override
    public List<T> byPrescripcion(Handle h, String nit, String noPrescripcion) {
        return h.createQuery(byPrescripcion).bind(0, nit).bind(1, noPrescripcion).map(mapper).list();
    }

    @Override
    public List<T> byPacienteFecha(Handle h, String nit, LocalDate fecha, String tipoDoc, String numDoc) {
        return h.createQuery(byPacienteFecha).bind(0, nit).bind(1, numDoc).bind(2, tipoDoc)
                .bind(3, fecha.atStartOfDay()).bind(4, fecha.plusDays(1).atStartOfDay()).map(mapper).list();
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
