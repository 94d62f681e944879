package co.mipresgateway.store;

import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.Programacion;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.suministro.MipresTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Programaciones: only the provider that scheduled them sees them. */
public final class ProgramacionStore {

    private static final String COLUMNS = "id, id_programacion, no_prescripcion, tipo_tec, con_tec, tipo_id_paciente, "
            + "no_id_paciente, no_entrega, fec_max_ent, tipo_id_sede_prov, no_id_sede_prov, cod_sede_prov, "
            + "cod_ser_tec_a_entregar, cant_tot_a_entregar, fec_programacion, est_programacion, fec_anulacion";
    private static final String INSERT = "INSERT INTO programacion (id, nit_proveedor, no_prescripcion, tipo_tec, "
            + "con_tec, tipo_id_paciente, no_id_paciente, no_entrega, fec_max_ent, tipo_id_sede_prov, no_id_sede_prov, "
            + "cod_sede_prov, cod_ser_tec_a_entregar, cant_tot_a_entregar, fec_programacion, est_programacion, activo_id) "
            + "VALUES (:id, :nit, :noPrescripcion, :tipoTec, :conTec, :tipoIdPaciente, :noIdPaciente, :noEntrega, "
            + ":fecMaxEnt, :tipoIdSede, :noIdSede, :codSede, :codigo, :cantidad, :now, 1, :id)";

    private final StepTable<ProgramacionRegistro> table = new StepTable<>(new StepTable.Columns("programacion",
            "id_programacion", "est_programacion", "activo_id", "fec_programacion", "nit_proveedor", COLUMNS),
            ProgramacionStore::map, ProgramacionRegistro::getIDProgramacion);
    // activo_id is the chain ID while the programación is not annulled: its UNIQUE index finds the live one.
    private final String liveOfChain = table.select("WHERE activo_id = ? AND nit_proveedor = ?");

    // Found through the prescription's index: the chain ID has no index of its own here, and this runs only on a refusal.
    private final String lastOfChain = "SELECT MAX(id_programacion) FROM programacion"
            + " WHERE no_prescripcion = ? AND id = ? AND nit_proveedor = ?";

    public StepQueries<ProgramacionRegistro> queries() {
        return table;
    }

    /** The provider's programación of chain ID {@code id} that is not annulled (active or already delivered). */
    public Optional<ProgramacionRegistro> liveOfChain(Handle h, String providerNit, long id) {
        return PlainStatements.findOne(h, liveOfChain, table.mapper(), id, providerNit);
    }

    /** The id of the provider's last programación of chain ID {@code id} (of that prescription), whatever its state. */
    public Optional<Long> lastOfChain(Handle h, String providerNit, long id, String noPrescripcion) {
        return h.createQuery(lastOfChain).bind(0, noPrescripcion).bind(1, id).bind(2, providerNit).mapTo(Long.class).findOne();
    }

    public Optional<ProgramacionRegistro> own(Handle h, String providerNit, long idProgramacion) {
        return table.findOwn(h, providerNit, idProgramacion);
    }

    public long insert(Handle h, Programacion p, DireccionamientoRegistro d, String providerNit, LocalDateTime now) {
        return h.createUpdate(INSERT)
                .bind("id", d.getID()).bind("nit", providerNit).bind("noPrescripcion", d.getNoPrescripcion())
                .bind("tipoTec", d.getTipoTec()).bind("conTec", d.getConTec()).bind("tipoIdPaciente", d.getTipoIDPaciente())
                .bind("noIdPaciente", d.getNoIDPaciente()).bind("noEntrega", d.getNoEntrega())
                .bind("fecMaxEnt", MipresTime.fecha(p.getFecMaxEnt())).bind("tipoIdSede", p.getTipoIDSedeProv())
                .bind("noIdSede", p.getNoIDSedeProv()).bind("codSede", p.getCodSedeProv())
                .bind("codigo", p.getCodSerTecAEntregar()).bind("cantidad", p.getCantTotAEntregar().trim()).bind("now", now)
                .executeAndReturnGeneratedKeys("id_programacion").mapTo(Long.class).one();
    }

    public int annul(Handle h, String providerNit, long idProgramacion, LocalDateTime now) {
        return table.annul(h, providerNit, idProgramacion, now);
    }

    public int changeEstado(Handle h, long idProgramacion, int from, int to) {
        return table.changeEstado(h, idProgramacion, from, to);
    }

    private static ProgramacionRegistro map(ResultSet rs, StatementContext ctx) throws SQLException {
        ProgramacionRegistro r = new ProgramacionRegistro();
        r.setID(rs.getLong("id"));
        r.setIDProgramacion(rs.getLong("id_programacion"));
        r.setNoPrescripcion(rs.getString("no_prescripcion"));
        r.setTipoTec(rs.getString("tipo_tec"));
        r.setConTec(rs.getInt("con_tec"));
        r.setTipoIDPaciente(rs.getString("tipo_id_paciente"));
        r.setNoIDPaciente(rs.getString("no_id_paciente"));
        r.setNoEntrega(rs.getInt("no_entrega"));
        r.setFecMaxEnt(Rows.fecha(rs, "fec_max_ent"));
        r.setTipoIDSedeProv(rs.getString("tipo_id_sede_prov"));
        r.setNoIDSedeProv(rs.getString("no_id_sede_prov"));
        r.setCodSedeProv(rs.getString("cod_sede_prov"));
        r.setCodSerTecAEntregar(rs.getString("cod_ser_tec_a_entregar"));
        r.setCantTotAEntregar(rs.getString("cant_tot_a_entregar"));
        r.setFecProgramacion(Rows.fechaHora(rs, "fec_programacion"));
        r.setEstProgramacion(rs.getInt("est_programacion"));
        r.setFecAnulacion(Rows.fechaHora(rs, "fec_anulacion"));
        return r;
    }
}
