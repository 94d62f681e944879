package co.mipresgateway.store;

import co.mipresgateway.contract.CodigoEntrega;
import co.mipresgateway.contract.Entrega;
import co.mipresgateway.contract.EntregaAmbito;
import co.mipresgateway.contract.EntregaCodigos;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.suministro.MipresTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Entregas, from a programación or in a hospital or emergency setting (EntregaAmbito, no programación), with the
 * codes actually handed over. Only the provider that delivered sees them.
 */
public final class EntregaStore implements StepQueries<EntregaRegistro> {

    /** A record and whether EntregaCodigos added codes to it (which are read in one more query for all rows). */
    private record Row(EntregaRegistro registro, boolean tieneCodigos) {
    }

    private static final String COLUMNS = "id, id_entrega, no_prescripcion, tipo_tec, con_tec, tipo_id_paciente, "
            + "no_id_paciente, no_entrega, cod_ser_tec_entregado, cant_tot_entregada, ent_total, causa_no_entrega, "
            + "fec_entrega, no_lote, tipo_id_recibe, no_id_recibe, est_entrega, fec_anulacion, tiene_codigos";
    private static final String INSERT = "INSERT INTO entrega (id, id_programacion, nit_proveedor, no_prescripcion, "
            + "tipo_tec, con_tec, tipo_id_paciente, no_id_paciente, no_entrega, cod_ser_tec_entregado, cant_tot_entregada, "
            + "ent_total, causa_no_entrega, fec_entrega, no_lote, tipo_id_recibe, no_id_recibe, est_entrega, fec_registro, "
            + "activo_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
    private static final String CODIGOS = "SELECT id_entrega, cod_ser_tec_entregado, cant_tot_entregada, fec_entrega "
            + "FROM entrega_codigo WHERE id_entrega IN (<ids>) ORDER BY id_entrega, orden";
    private static final String ADD_CODIGO = "INSERT INTO entrega_codigo (id_entrega, orden, cod_ser_tec_entregado, "
            + "cant_tot_entregada, fec_entrega) VALUES (?, (SELECT COUNT(*) + 1 FROM entrega_codigo WHERE id_entrega = ?), "
            + "?, ?, ?)";

    private final StepTable<Row> table = new StepTable<>(new StepTable.Columns("entrega", "id_entrega", "est_entrega",
            "activo_id", "fec_entrega", "nit_proveedor", COLUMNS), EntregaStore::map, row -> row.registro().getIDEntrega());
    // activo_id is the chain ID while the delivery is not annulled: its UNIQUE index finds the live one.
    private final String liveOfChain = table.select("WHERE activo_id = ? AND nit_proveedor = ?");
    private final String liveById = table.select("WHERE id_entrega = ? AND nit_proveedor = ? AND est_entrega <> 0");
    private final String ambitoKeyTaken = "SELECT COUNT(*) FROM entrega_ambito_activa WHERE clave = ?";
    private final String ambitoKeyHolder = "SELECT a.id_entrega FROM entrega_ambito_activa a JOIN entrega e"
            + " ON e.id_entrega = a.id_entrega WHERE a.clave = ? AND e.nit_proveedor = ?";
    private final String holdAmbitoKey = "INSERT INTO entrega_ambito_activa (clave, id_entrega) VALUES (?, ?)";
    private final String releaseAmbitoKey = "DELETE FROM entrega_ambito_activa WHERE id_entrega = ?";
    private final String programacionOf = "SELECT id_programacion FROM entrega WHERE id_entrega = ?";
    // Found through the prescription's index: the chain ID has no index of its own here, and this runs only on a refusal.
    private final String lastOfChain = "SELECT MAX(id_entrega) FROM entrega WHERE no_prescripcion = ? AND id = ? AND nit_proveedor = ?";
    private final String markCodigos = "UPDATE entrega SET tiene_codigos = TRUE WHERE id_entrega = ? AND est_entrega <> 0";

    @Override
    public List<EntregaRegistro> first(Handle h, Filter filter, int limit) {
        return withCodigos(h, table.first(h, filter, limit));
    }

    @Override
    public long[] idsAfter(Handle h, Filter filter, long afterId) {
        return table.idsAfter(h, filter, afterId);
    }

    @Override
    public List<EntregaRegistro> byIds(Handle h, long[] ids) {
        return withCodigos(h, table.byIds(h, ids));
    }

    @Override
    public long idOf(EntregaRegistro record) {
        return record.getIDEntrega();
    }

    /** The provider's delivery of chain ID {@code id} that is not annulled (active or already reported). */
    public Optional<EntregaRegistro> liveOfChain(Handle h, String providerNit, long id) {
        return one(h, PlainStatements.findOne(h, liveOfChain, table.mapper(), id, providerNit));
    }

    public Optional<EntregaRegistro> liveById(Handle h, String providerNit, long idEntrega) {
        return one(h, h.createQuery(liveById).bind(0, idEntrega).bind(1, providerNit).map(table.mapper()).findOne());
    }

    /** The id of the provider's last delivery of chain ID {@code id} (of that prescription), whatever its state. */
    public Optional<Long> lastOfChain(Handle h, String providerNit, long id, String noPrescripcion) {
        return h.createQuery(lastOfChain).bind(0, noPrescripcion).bind(1, id).bind(2, providerNit).mapTo(Long.class).findOne();
    }

    public Optional<EntregaRegistro> own(Handle h, String providerNit, long idEntrega) {
        return one(h, table.findOwn(h, providerNit, idEntrega));
    }

    public boolean ambitoKeyTaken(Handle h, String clave) {
        return h.createQuery(ambitoKeyTaken).bind(0, clave).mapTo(Integer.class).one() > 0;
    }

    /** The provider's own live EntregaAmbito holding this key, if any (another provider's is not named). */
    public Optional<Long> ambitoKeyHolder(Handle h, String providerNit, String clave) {
        return h.createQuery(ambitoKeyHolder).bind(0, clave).bind(1, providerNit).mapTo(Long.class).findOne();
    }

    /** The programación a delivery came from; empty for an EntregaAmbito. */
    public Optional<Long> programacionOf(Handle h, long idEntrega) {
        return h.createQuery(programacionOf).bind(0, idEntrega).mapTo(Long.class).findOne();
    }

    public long insert(Handle h, Entrega e, ProgramacionRegistro p, String providerNit, LocalDateTime now) {
        return PlainStatements.insertReturningKey(h, INSERT, "id_entrega", p.getID(), p.getIDProgramacion(), providerNit,
                p.getNoPrescripcion(), p.getTipoTec(), p.getConTec(), p.getTipoIDPaciente(), p.getNoIDPaciente(),
                p.getNoEntrega(), e.getCodSerTecEntregado(), e.getCantTotEntregada().trim(), e.getEntTotal(),
                e.getCausaNoEntrega(), MipresTime.fecha(e.getFecEntrega()), e.getNoLote(), e.getTipoIDRecibe(),
                e.getNoIDRecibe(), now, p.getID());
    }

    /** Returns {chain ID, IDEntrega}: an EntregaAmbito starts a chain of its own. */
    public long[] insertAmbito(Handle h, EntregaAmbito e, String clave, String providerNit, LocalDateTime now) {
        long id = Sequences.nextChainId(h);
        long idEntrega = PlainStatements.insertReturningKey(h, INSERT, "id_entrega", id, null, providerNit,
                e.getNoPrescripcion(), e.getTipoTec(), e.getConTec(), e.getTipoIDPaciente(), e.getNoIDPaciente(),
                e.getNoEntrega(), e.getCodSerTecEntregado(), e.getCantTotEntregada().trim(), e.getEntTotal(),
                e.getCausaNoEntrega(), MipresTime.fecha(e.getFecEntrega()), e.getNoLote(), null, null, now, id);
        h.createUpdate(holdAmbitoKey).bind(0, clave).bind(1, idEntrega).execute();
        return new long[] {id, idEntrega};
    }

    /**
     * Adds a code to a delivery that is not annulled; false, adding nothing, when it was annulled meanwhile. Marking
     * the delivery first locks its row, so that codes sent at the same time for one delivery are numbered one after
     * the other, and an annulment in progress is waited for.
     */
    public boolean addCodigo(Handle h, long idEntrega, EntregaCodigos c) {
        if (h.createUpdate(markCodigos).bind(0, idEntrega).execute() == 0) return false;
        h.createUpdate(ADD_CODIGO).bind(0, idEntrega).bind(1, idEntrega).bind(2, c.getCodSerTecEntregado())
                .bind(3, c.getCantTotEntregada().trim()).bind(4, MipresTime.fecha(c.getFecEntrega())).execute();
        return true;
    }

    public int annul(Handle h, String providerNit, long idEntrega, LocalDateTime now) {
        int annulled = table.annul(h, providerNit, idEntrega, now);
        if (annulled > 0) h.createUpdate(releaseAmbitoKey).bind(0, idEntrega).execute();
        return annulled;
    }

    public int changeEstado(Handle h, long idEntrega, int from, int to) {
        return table.changeEstado(h, idEntrega, from, to);
    }

    private Optional<EntregaRegistro> one(Handle h, Optional<Row> row) {
        return row.map(r -> withCodigos(h, List.of(r)).get(0));
    }

    /** Attaches the codes of every row that has some, in one query whatever the number of rows. */
    private static List<EntregaRegistro> withCodigos(Handle h, List<Row> rows) {
        List<Long> ids = rows.stream().filter(Row::tieneCodigos).map(r -> r.registro().getIDEntrega()).toList();
        if (!ids.isEmpty()) {
            Map<Long, EntregaRegistro> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.registro().getIDEntrega(), r.registro()));
            h.createQuery(CODIGOS).bindList("ids", ids).map((rs, ctx) -> {
                CodigoEntrega codigo = new CodigoEntrega();
                codigo.setCodSerTecEntregado(rs.getString("cod_ser_tec_entregado"));
                codigo.setCantTotEntregada(rs.getString("cant_tot_entregada"));
                codigo.setFecEntrega(Rows.fecha(rs, "fec_entrega"));
                byId.get(rs.getLong("id_entrega")).getCodigosEntrega().add(codigo);
                return codigo;
            }).list();
        }
        return rows.stream().map(Row::registro).toList();
    }

    private static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
        EntregaRegistro r = new EntregaRegistro();
        r.setID(rs.getLong("id"));
        r.setIDEntrega(rs.getLong("id_entrega"));
        r.setNoPrescripcion(rs.getString("no_prescripcion"));
        r.setTipoTec(rs.getString("tipo_tec"));
        r.setConTec(rs.getInt("con_tec"));
        r.setTipoIDPaciente(rs.getString("tipo_id_paciente"));
        r.setNoIDPaciente(rs.getString("no_id_paciente"));
        r.setNoEntrega(rs.getInt("no_entrega"));
        r.setCodSerTecEntregado(rs.getString("cod_ser_tec_entregado"));
        r.setCantTotEntregada(rs.getString("cant_tot_entregada"));
        r.setEntTotal(rs.getInt("ent_total"));
        r.setCausaNoEntrega(Rows.nullableInt(rs, "causa_no_entrega"));
        r.setFecEntrega(Rows.fecha(rs, "fec_entrega"));
        r.setNoLote(rs.getString("no_lote"));
        r.setTipoIDRecibe(rs.getString("tipo_id_recibe"));
        r.setNoIDRecibe(rs.getString("no_id_recibe"));
        r.setEstEntrega(rs.getInt("est_entrega"));
        r.setFecAnulacion(Rows.fechaHora(rs, "fec_anulacion"));
        return new Row(r, rs.getBoolean("tiene_codigos"));
    }
}
