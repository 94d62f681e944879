package co.mipresgateway.store;

import co.mipresgateway.auth.Caller;
import co.mipresgateway.contract.NODireccionamiento;
import co.mipresgateway.contract.NODireccionamientoRegistro;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** NODireccionamientos: an EPS's record of why a technology is not directed. Only that EPS sees them. */
public final class NODireccionamientoStore {

    private static final String COLUMNS = "id, id_no_direccionamiento, no_prescripcion, tipo_tec, con_tec, tipo_id_paciente, "
            + "no_id_paciente, no_prescripcion_asociada, con_tec_asociada, causa_no_entrega, no_id_eps, cod_eps, "
            + "fec_no_direccionamiento, est_no_direccionamiento, fec_anulacion";
    private static final String INSERT = "INSERT INTO no_direccionamiento (id_no_direccionamiento, id, no_prescripcion, "
            + "tipo_tec, con_tec, tipo_id_paciente, no_id_paciente, no_prescripcion_asociada, con_tec_asociada, "
            + "causa_no_entrega, no_id_eps, cod_eps, fec_no_direccionamiento, est_no_direccionamiento, clave_activa) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)";

    private final StepTable<NODireccionamientoRegistro> ofEps = new StepTable<>(new StepTable.Columns(
            "no_direccionamiento", "id_no_direccionamiento", "est_no_direccionamiento", "clave_activa",
            "fec_no_direccionamiento", "no_id_eps", COLUMNS), NODireccionamientoStore::map,
            NODireccionamientoRegistro::getIDNODireccionamiento);
    private final String activeKeyTaken = "SELECT COUNT(*) FROM no_direccionamiento WHERE clave_activa = ?";

    public StepQueries<NODireccionamientoRegistro> queries() {
        return ofEps;
    }

    public boolean activeKeyTaken(Handle h, String claveActiva) {
        return h.createQuery(activeKeyTaken).bind(0, claveActiva).mapTo(Integer.class).one() > 0;
    }

    /** Returns {chain ID, IDNODireccionamiento}. */
    public long[] insert(Handle h, NODireccionamiento n, String claveActiva, Caller eps, LocalDateTime now) {
        long idNo = Sequences.next(h, "seq_no_direccionamiento");
        long id = Sequences.nextChainId(h);
        h.createUpdate(INSERT)
                .bind(0, idNo).bind(1, id).bind(2, n.getNoPrescripcion()).bind(3, n.getTipoTec()).bind(4, n.getConTec())
                .bind(5, n.getTipoIDPaciente()).bind(6, n.getNoIDPaciente()).bind(7, n.getNoPrescripcionAsociada())
                .bind(8, n.getConTecAsociada()).bind(9, n.getCausaNoEntrega()).bind(10, eps.nit())
                .bind(11, eps.codigo()).bind(12, now).bind(13, claveActiva)
                .execute();
        return new long[] {id, idNo};
    }

    public java.util.Optional<NODireccionamientoRegistro> ofEps(Handle h, String epsNit, long idNODireccionamiento) {
        return ofEps.findOwn(h, epsNit, idNODireccionamiento);
    }

    public int annul(Handle h, String epsNit, long idNODireccionamiento, LocalDateTime now) {
        return ofEps.annul(h, epsNit, idNODireccionamiento, now);
    }

    private static NODireccionamientoRegistro map(ResultSet rs, StatementContext ctx) throws SQLException {
        NODireccionamientoRegistro r = new NODireccionamientoRegistro();
        r.setID(rs.getLong("id"));
        r.setIDNODireccionamiento(rs.getLong("id_no_direccionamiento"));
        r.setNoPrescripcion(rs.getString("no_prescripcion"));
        r.setTipoTec(rs.getString("tipo_tec"));
        r.setConTec(rs.getInt("con_tec"));
        r.setTipoIDPaciente(rs.getString("tipo_id_paciente"));
        r.setNoIDPaciente(rs.getString("no_id_paciente"));
        r.setNoPrescripcionAsociada(rs.getString("no_prescripcion_asociada"));
        r.setConTecAsociada(Rows.nullableInt(rs, "con_tec_asociada"));
        r.setCausaNoEntrega(rs.getInt("causa_no_entrega"));
        r.setNoIDEPS(rs.getString("no_id_eps"));
        r.setCodEPS(rs.getString("cod_eps"));
        r.setFecNODireccionamiento(Rows.fechaHora(rs, "fec_no_direccionamiento"));
        r.setEstNODireccionamiento(rs.getInt("est_no_direccionamiento"));
        r.setFecAnulacion(Rows.fechaHora(rs, "fec_anulacion"));
        return r;
    }
}
