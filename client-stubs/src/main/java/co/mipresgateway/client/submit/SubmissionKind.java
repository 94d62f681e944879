package co.mipresgateway.client.submit;

import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.EntregaRegistro;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.contract.ProgramacionRegistro;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a submitter run sends: each kind knows its columns, how a row becomes a typed body, and the name of the
 * id its PUT answers. Every row also carries {@code NoPrescripcion}: it is not sent, but it is how a row whose
 * outcome is unknown is looked up ({@code ...XPrescripcion}) before it is sent again.
 */
enum SubmissionKind {

    PROGRAMACIONES("IdProgramacion", "programación",
            List.of("ID", "NoPrescripcion", "FecMaxEnt", "TipoIDSedeProv", "NoIDSedeProv", "CodSedeProv",
                    "CodSerTecAEntregar", "CantTotAEntregar")) {
        @Override
        Object body(RowChecks c, long id) {
            Programacion p = new Programacion();
            p.setID(id);
            p.setFecMaxEnt(c.date("FecMaxEnt", false));
            p.setTipoIDSedeProv(c.required("TipoIDSedeProv"));
            p.setNoIDSedeProv(c.required("NoIDSedeProv"));
            p.setCodSedeProv(c.required("CodSedeProv"));
            p.setCodSerTecAEntregar(c.required("CodSerTecAEntregar"));
            p.setCantTotAEntregar(c.number("CantTotAEntregar", true));
            return p;
        }

        @Override
        Optional<Long> liveResult(Object record, long id) {
            ProgramacionRegistro r = (ProgramacionRegistro) record;
            return r.getID() == id && r.getEstProgramacion() != 0 ? Optional.of(r.getIDProgramacion()) : Optional.empty();
        }
    },

    ENTREGAS("IdEntrega", "entrega",
            List.of("ID", "NoPrescripcion", "CodSerTecEntregado", "CantTotEntregada", "EntTotal", "CausaNoEntrega",
                    "FecEntrega", "NoLote", "TipoIDRecibe", "NoIDRecibe")) {
        @Override
        Object body(RowChecks c, long id) {
            Entrega e = new Entrega();
            e.setID(id);
            e.setEntTotal(c.oneOf("EntTotal", List.of(0, 1)));
            e.setCausaNoEntrega(c.intIn("CausaNoEntrega", 0, 19));
            e.setFecEntrega(c.date("FecEntrega", true));
            e.setNoLote(c.optional("NoLote"));
            e.setCantTotEntregada(c.number("CantTotEntregada", false));
            // Something handed over names the item and who received it; a delivery of nothing (a cause) need not.
            boolean delivered = e.getCantTotEntregada() != null && new BigDecimal(e.getCantTotEntregada()).signum() > 0;
            e.setCodSerTecEntregado(delivered ? c.required("CodSerTecEntregado") : c.optional("CodSerTecEntregado"));
            e.setTipoIDRecibe(delivered ? c.required("TipoIDRecibe") : c.optional("TipoIDRecibe"));
            e.setNoIDRecibe(delivered ? c.required("NoIDRecibe") : c.optional("NoIDRecibe"));
            return e;
        }

        @Override
        Optional<Long> liveResult(Object record, long id) {
            EntregaRegistro r = (EntregaRegistro) record;
            return r.getID() == id && r.getEstEntrega() != 0 ? Optional.of(r.getIDEntrega()) : Optional.empty();
        }
    },

    REPORTES("IdReporteEntrega", "reporte de entrega", List.of("ID", "NoPrescripcion", "EstadoEntrega", "CausaNoEntrega", "ValorEntregado")) {
        @Override
        Object body(RowChecks c, long id) {
            ReporteEntrega r = new ReporteEntrega();
            r.setID(id);
            r.setEstadoEntrega(c.oneOf("EstadoEntrega", List.of(0, 1)));
            r.setCausaNoEntrega(c.intIn("CausaNoEntrega", 0, 19));
            r.setValorEntregado(c.money("ValorEntregado"));
            return r;
        }

        @Override
        Optional<Long> liveResult(Object record, long id) {
            ReporteEntregaRegistro r = (ReporteEntregaRegistro) record;
            return r.getID() == id && r.getEstRepEntrega() != 0 ? Optional.of(r.getIDReporteEntrega()) : Optional.empty();
        }
    };

    /** The columns every row of every kind needs: the chain's ID, and the prescription it is looked up by. */
    static final List<String> EVERY_ROWS_COLUMNS = List.of("ID", "NoPrescripcion");

    /** The name of the id the PUT answers, also the column it gets in the results file. */
    final String resultField;
    /** The step's name in messages. */
    final String recordName;
    /** The columns a row of this kind has (NoLote is optional, the rest required). */
    final List<String> columns;

    SubmissionKind(String resultField, String recordName, List<String> columns) {
        this.resultField = resultField;
        this.recordName = recordName;
        this.columns = columns;
    }

    abstract Object body(RowChecks checks, long id);

    /** The id of a query's record when it is this chain ID's step and not annulled (state 0). */
    abstract Optional<Long> liveResult(Object record, long id);

    /** Among a prescription's records, the one this row would have created, if the service has it. */
    Optional<Long> liveResult(List<?> records, long id) {
        for (Object record : records) {
            Optional<Long> found = liveResult(record, id);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** A row checked and turned into what is sent; {@code problems} empty when it may be sent. */
    record Prepared(InputRow row, long id, String noPrescripcion, Object body, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Prepared prepare(InputRow row) {
        // A line misread is told as such: its fields' checks would only add noise (every field "es obligatorio").
        if (!row.readingProblems().isEmpty()) return new Prepared(row, 0, null, null, row.readingProblems());
        RowChecks checks = new RowChecks(row);
        Long id = checks.positiveLong("ID");
        String noPrescripcion = checks.noPrescripcion("NoPrescripcion");
        Object body = body(checks, id == null ? 0 : id);
        return new Prepared(row, id == null ? 0 : id, noPrescripcion, body, List.copyOf(checks.problems()));
    }
}
