package co.mipresgateway.store;

import co.mipresgateway.auth.Caller;
import co.mipresgateway.auth.Rol;
import co.mipresgateway.contract.Direccionamiento;
import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.suministro.MipresTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Direccionamientos: an EPS sees those it directed, a provider those directed to it. */
public final class DireccionamientoStore {

    private static final String COLUMNS = "id, id_direccionamiento, no_prescripcion, tipo_tec, con_tec, tipo_id_paciente, "
            + "no_id_paciente, no_entrega, no_sub_entrega, tipo_id_prov, no_id_prov, cod_mun_ent, fec_max_ent, "
            + "cant_tot_a_entregar, dir_paciente, cod_ser_tec_a_entregar, no_id_eps, cod_eps, fec_direccionamiento, "
            + "est_direccionamiento, fec_anulacion";
    private static final String INSERT = "INSERT INTO direccionamiento (id_direccionamiento, id, no_prescripcion, tipo_tec, "
            + "con_tec, tipo_id_paciente, no_id_paciente, no_entrega, no_sub_entrega, tipo_id_prov, no_id_prov, cod_mun_ent, "
            + "fec_max_ent, cant_tot_a_entregar, dir_paciente, cod_ser_tec_a_entregar, no_id_eps, cod_eps, "
            + "fec_direccionamiento, est_direccionamiento, clave_activa) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)";

    private final StepTable<DireccionamientoRegistro> ofProvider = new StepTable<>(new StepTable.Columns("direccionamiento",
            "id_direccionamiento", "est_direccionamiento", "clave_activa", "fec_direccionamiento", "no_id_prov", COLUMNS),
            DireccionamientoStore::map, DireccionamientoRegistro::getIDDireccionamiento);
    private final StepTable<DireccionamientoRegistro> ofEps = ofProvider.ownedBy("no_id_eps");
    private final String byChainIdForProvider = ofProvider.select("WHERE id = ? AND no_id_prov = ?");
    private final String activeKeyTaken = "SELECT COUNT(*) FROM direccionamiento WHERE clave_activa = ?";
    private final String activeKeyHolder = "SELECT id_direccionamiento FROM direccionamiento WHERE clave_activa = ? AND no_id_eps = ?";

    public StepQueries<DireccionamientoRegistro> seenBy(Caller caller) {
        return caller.is(Rol.EPS) ? ofEps : ofProvider;
    }

    public boolean activeKeyTaken(Handle h, String claveActiva) {
        return h.createQuery(activeKeyTaken).bind(0, claveActiva).mapTo(Integer.class).one() > 0;
    }

    /** The EPS's own active direccionamiento holding this key, if any (another EPS's is not named). */
    public Optional<Long> activeKeyHolder(Handle h, String epsNit, String claveActiva) {
        return h.createQuery(activeKeyHolder).bind(0, claveActiva).bind(1, epsNit).mapTo(Long.class).findOne();
    }

    /** The direccionamiento of chain ID {@code id} directed to this provider, whatever its state. */
    public Optional<DireccionamientoRegistro> ofProvider(Handle h, String providerNit, long id) {
        return h.createQuery(byChainIdForProvider).bind(0, id).bind(1, providerNit).map(ofProvider.mapper()).findOne();
    }

    public Optional<DireccionamientoRegistro> ofEps(Handle h, String epsNit, long idDireccionamiento) {
        return ofEps.findOwn(h, epsNit, idDireccionamiento);
    }

    /** Returns {chain ID, IDDireccionamiento}: a direccionamiento starts a chain. */
    public long[] insert(Handle h, Direccionamiento d, String claveActiva, Caller eps, LocalDateTime now) {
        long idDireccionamiento = Sequences.next(h, "seq_direccionamiento");
        long id = Sequences.nextChainId(h);
        h.createUpdate(INSERT)
                .bind(0, idDireccionamiento).bind(1, id).bind(2, d.getNoPrescripcion()).bind(3, d.getTipoTec())
                .bind(4, d.getConTec()).bind(5, d.getTipoIDPaciente()).bind(6, d.getNoIDPaciente())
                .bind(7, d.getNoEntrega()).bind(8, d.getNoSubEntrega()).bind(9, d.getTipoIDProv())
                .bind(10, d.getNoIDProv()).bind(11, d.getCodMunEnt()).bind(12, MipresTime.fecha(d.getFecMaxEnt()))
                .bind(13, d.getCantTotAEntregar().trim()).bind(14, d.getDirPaciente()).bind(15, d.getCodSerTecAEntregar())
                .bind(16, eps.nit()).bind(17, eps.codigo()).bind(18, now).bind(19, claveActiva)
                .execute();
        return new long[] {id, idDireccionamiento};
    }


    public int annul(Handle h, String epsNit, long idDireccionamiento, LocalDateTime now) {
        return ofEps.annul(h, epsNit, idDireccionamiento, now);
    }

    /** Marks the direccionamiento programmed (or back to active); 0 rows when it was not in state {@code from}. */
    public int changeEstado(Handle h, long idDireccionamiento, int from, int to) {
        return ofProvider.changeEstado(h, idDireccionamiento, from, to);
    }

    private static DireccionamientoRegistro map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        DireccionamientoRegistro r = new DireccionamientoRegistro();
        r.setID(rs.getLong("id"));
        r.setIDDireccionamiento(rs.getLong("id_direccionamiento"));
        r.setNoPrescripcion(rs.getString("no_prescripcion"));
        r.setTipoTec(rs.getString("tipo_tec"));
        r.setConTec(rs.getInt("con_tec"));
        r.setTipoIDPaciente(rs.getString("tipo_id_paciente"));
        r.setNoIDPaciente(rs.getString("no_id_paciente"));
        r.setNoEntrega(rs.getInt("no_entrega"));
        r.setNoSubEntrega(rs.getInt("no_sub_entrega"));
        r.setTipoIDProv(rs.getString("tipo_id_prov"));
        r.setNoIDProv(rs.getString("no_id_prov"));
        r.setCodMunEnt(rs.getString("cod_mun_ent"));
        r.setFecMaxEnt(Rows.fecha(rs, "fec_max_ent"));
        r.setCantTotAEntregar(rs.getString("cant_tot_a_entregar"));
        r.setDirPaciente(rs.getString("dir_paciente"));
        r.setCodSerTecAEntregar(rs.getString("cod_ser_tec_a_entregar"));
        r.setNoIDEPS(rs.getString("no_id_eps"));
        r.setCodEPS(rs.getString("cod_eps"));
        r.setFecDireccionamiento(Rows.fechaHora(rs, "fec_direccionamiento"));
        r.setEstDireccionamiento(rs.getInt("est_direccionamiento"));
        r.setFecAnulacion(Rows.fechaHora(rs, "fec_anulacion"));
        return r;
    }
}
