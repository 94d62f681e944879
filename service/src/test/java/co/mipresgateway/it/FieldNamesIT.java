package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answers' field names are the spec's lists, to the letter and in order (the ministry's clients are
 * case-sensitive on output), and fields that may be null are present as null rather than left out.
 */
class FieldNamesIT extends GatewayContract {

    private static final String DIRECCIONAMIENTO = "ID, IDDireccionamiento, NoPrescripcion, TipoTec, ConTec, TipoIDPaciente, "
            + "NoIDPaciente, NoEntrega, NoSubEntrega, TipoIDProv, NoIDProv, CodMunEnt, FecMaxEnt, CantTotAEntregar, "
            + "DirPaciente, CodSerTecAEntregar, NoIDEPS, CodEPS, FecDireccionamiento, EstDireccionamiento, FecAnulacion";
    private static final String PROGRAMACION = "ID, IDProgramacion, NoPrescripcion, TipoTec, ConTec, TipoIDPaciente, "
            + "NoIDPaciente, NoEntrega, FecMaxEnt, TipoIDSedeProv, NoIDSedeProv, CodSedeProv, CodSerTecAEntregar, "
            + "CantTotAEntregar, FecProgramacion, EstProgramacion, FecAnulacion";
    private static final String ENTREGA = "ID, IDEntrega, NoPrescripcion, TipoTec, ConTec, TipoIDPaciente, NoIDPaciente, "
            + "NoEntrega, CodSerTecEntregado, CantTotEntregada, EntTotal, CausaNoEntrega, FecEntrega, NoLote, TipoIDRecibe, "
            + "NoIDRecibe, EstEntrega, FecAnulacion, CodigosEntrega";
    private static final String REPORTE = "ID, IDReporteEntrega, NoPrescripcion, TipoTec, ConTec, TipoIDPaciente, "
            + "NoIDPaciente, NoEntrega, EstadoEntrega, CausaNoEntrega, ValorEntregado, CodTecEntregado, CantTotEntregada, "
            + "NoLote, FecEntrega, FecRepEntrega, EstRepEntrega, FecAnulacion";
    private static final String NO_DIRECCIONAMIENTO = "ID, IDNODireccionamiento, NoPrescripcion, TipoTec, ConTec, "
            + "TipoIDPaciente, NoIDPaciente, NoPrescripcionAsociada, ConTecAsociada, CausaNoEntrega, NoIDEPS, CodEPS, "
            + "FecNODireccionamiento, EstNODireccionamiento, FecAnulacion";

    @Override
    protected Map<String, String> database() {
        return TestDatabases.h2();
    }

    @Test
    void recordsAndAnswersUseTheSpecsFieldNamesExactly() {
        String presc = Bodies.newPrescripcion();
        JsonNode createdD = ok(gateway.put("Direccionamiento/" + EPS + "/" + eps,
                Bodies.direccionamiento(presc, PROV1, today().plusDays(9)))).json();
        assertEquals("Id, IdDireccionamiento", names(createdD.get(0)));
        long id = createdD.get(0).get("Id").asLong();
        assertEquals("Id, IdProgramacion", names(ok(gateway.put("Programacion/" + PROV1 + "/" + prov1,
                Bodies.programacion(id, PROV1, today().plusDays(2)))).json().get(0)));
        assertEquals("Id, IdEntrega", names(ok(gateway.put("Entrega/" + PROV1 + "/" + prov1,
                Bodies.entrega(id, today()))).json().get(0)));
        assertEquals("Id, IdReporteEntrega", names(ok(gateway.put("ReporteEntrega/" + PROV1 + "/" + prov1,
                Bodies.reporteEntrega(id, 10))).json().get(0)));
        assertEquals("Id, IdNODireccionamiento", names(ok(gateway.put("NODireccionamiento/" + EPS + "/" + eps,
                Bodies.noDireccionamiento(presc))).json().get(0)));

        assertEquals(DIRECCIONAMIENTO, names(first("DireccionamientoXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)));
        assertEquals(PROGRAMACION, names(first("ProgramacionXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc)));
        JsonNode entrega = first("EntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc);
        assertEquals(ENTREGA, names(entrega));
        assertEquals(true, entrega.get("CodigosEntrega").isNull(), "CodigosEntrega is null until EntregaCodigos");
        JsonNode reporte = first("ReporteEntregaXPrescripcion/" + PROV1 + "/" + prov1 + "/" + presc);
        assertEquals(REPORTE, names(reporte));
        assertEquals(true, reporte.get("FecAnulacion").isNull());
        assertEquals(NO_DIRECCIONAMIENTO, names(first("NODireccionamientoXPrescripcion/" + EPS + "/" + eps + "/" + presc)));
    }

    @Test
    void errorAnswersUseTheMinistrysNames() {
        JsonNode refused = gateway.put("Programacion/" + PROV1 + "/" + prov1, "{}").json();
        assertEquals("Message, Errors", names(refused));
        JsonNode unbound = gateway.put("Programacion/" + PROV1 + "/" + prov1, "{\"ID\":\"x\"}").json();
        assertEquals("Message, ModelState", names(unbound));
        assertEquals("Message", names(gateway.get("ProgramacionXFecha/" + PROV1 + "/nada=/" + today()).json()));
    }

    private JsonNode first(String path) {
        JsonNode list = ok(gateway.get(path)).json();
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
