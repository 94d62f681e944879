package co.mipresgateway.store;

import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.ReporteEntrega;
import co.mipresgateway.contract.ReporteEntregaRegistro;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reportes de entrega: only the provider that reported sees them. */
public final class ReporteEntregaStore {

    private static final String COLUMNS = "id, id_reporte_entrega, no_prescripcion, tipo_tec, con_tec, tipo_id_paciente, "
            + "no_id_paciente, no_entrega, estado_entrega, causa_no_entrega, valor_entregado, cod_tec_entregado, "
            + "cant_tot_entregada, no_lote, fec_entrega, fec_rep_entrega, est_rep_entrega, fec_anulacion";
    private static final String INSERT = "INSERT INTO reporte_entrega (id, id_entrega, nit_proveedor, no_prescripcion, "
            + "tipo_tec, con_tec, tipo_id_paciente, no_id_paciente, no_entrega, estado_entrega, causa_no_entrega, "
            + "valor_entregado, cod_tec_entregado, cant_tot_entregada, no_lote, fec_entrega, fec_rep_entrega, "
            + "est_rep_entrega, activo_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)";

    private final StepTable<ReporteEntregaRegistro> table = new StepTable<>(new StepTable.Columns("reporte_entrega",
            "id_reporte_entrega", "est_rep_entrega", "activo_id", "fec_rep_entrega", "nit_proveedor", COLUMNS),
            ReporteEntregaStore::map, ReporteEntregaRegistro::getIDReporteEntrega);
    private final String entregaOf = "SELECT id_entrega FROM reporte_entrega WHERE id_reporte_entrega = ?";
    private final String activeOfEntrega = "SELECT id_reporte_entrega FROM reporte_entrega WHERE activo_id = ? AND nit_proveedor = ?";

    public StepQueries<ReporteEntregaRegistro> queries() {
        return table;
    }

    public Optional<ReporteEntregaRegistro> own(Handle h, String providerNit, long idReporteEntrega) {
        return table.findOwn(h, providerNit, idReporteEntrega);
    }

    /** The report of this delivery that is not annulled, if any. */
    public Optional<Long> activeOfEntrega(Handle h, String providerNit, long idEntrega) {
        return h.createQuery(activeOfEntrega).bind(0, idEntrega).bind(1, providerNit).mapTo(Long.class).findOne();
    }

    public long entregaOf(Handle h, long idReporteEntrega) {
        return h.createQuery(entregaOf).bind(0, idReporteEntrega).mapTo(Long.class).one();
    }

    public long insert(Handle h, ReporteEntrega r, EntregaRegistro e, String providerNit, LocalDateTime now) {
        return PlainStatements.insertReturningKey(h, INSERT, "id_reporte_entrega", e.getID(), e.getIDEntrega(), providerNit,
                e.getNoPrescripcion(), e.getTipoTec(), e.getConTec(), e.getTipoIDPaciente(), e.getNoIDPaciente(),
                e.getNoEntrega(), r.getEstadoEntrega(), r.getCausaNoEntrega(), r.getValorEntregado(),
                e.getCodSerTecEntregado(), e.getCantTotEntregada(), e.getNoLote(),
                LocalDate.parse(e.getFecEntrega().substring(0, 10)), now, e.getIDEntrega());
    }

    public int annul(Handle h, String providerNit, long idReporteEntrega, LocalDateTime now) {
        return table.annul(h, providerNit, idReporteEntrega, now);
    }

    private static ReporteEntregaRegistro map(ResultSet rs, StatementContext ctx) throws SQLException {
        ReporteEntregaRegistro r = new ReporteEntregaRegistro();
        r.setID(rs.getLong("id"));
        r.setIDReporteEntrega(rs.getLong("id_reporte_entrega"));
        r.setNoPrescripcion(rs.getString("no_prescripcion"));
        r.setTipoTec(rs.getString("tipo_tec"));
        r.setConTec(rs.getInt("con_tec"));
        r.setTipoIDPaciente(rs.getString("tipo_id_paciente"));
        r.setNoIDPaciente(rs.getString("no_id_paciente"));
        r.setNoEntrega(rs.getInt("no_entrega"));
        r.setEstadoEntrega(rs.getInt("estado_entrega"));
        r.setCausaNoEntrega(Rows.nullableInt(rs, "causa_no_entrega"));
        r.setValorEntregado(rs.getBigDecimal("valor_entregado"));
        r.setCodTecEntregado(rs.getString("cod_tec_entregado"));
        r.setCantTotEntregada(rs.getString("cant_tot_entregada"));
        r.setNoLote(rs.getString("no_lote"));
        r.setFecEntrega(Rows.fecha(rs, "fec_entrega"));
        r.setFecRepEntrega(Rows.fechaHora(rs, "fec_rep_entrega"));
        r.setEstRepEntrega(rs.getInt("est_rep_entrega"));
        r.setFecAnulacion(Rows.fechaHora(rs, "fec_anulacion"));
        return r;
    }
}
