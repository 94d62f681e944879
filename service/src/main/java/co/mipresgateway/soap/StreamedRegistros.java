package co.mipresgateway.soap;

import co.mipresgateway.contract.DireccionamientoRegistro;
import co.mipresgateway.contract.DireccionamientoRegistros;
import co.mipresgateway.contract.EntregaRegistro;
import co.mipresgateway.contract.EntregaRegistros;
import co.mipresgateway.contract.NODireccionamientoRegistro;
import co.mipresgateway.contract.NODireccionamientoRegistros;
import co.mipresgateway.contract.ProgramacionRegistro;
import co.mipresgateway.contract.ProgramacionRegistros;
import co.mipresgateway.contract.ReporteEntregaRegistro;
import co.mipresgateway.contract.ReporteEntregaRegistros;
import co.mipresgateway.suministro.Records;

/**
 * The generated answer types of the queries, holding a {@link RecordsList} instead of a list filled beforehand.
 * Their list fields can only be set from a subclass; JAXB writes a subclass it does not know as its generated
 * parent (it looks the type up along the superclasses), so the XML is the same.
 */
final class StreamedRegistros {

    private StreamedRegistros() {
    }

    static DireccionamientoRegistros direccionamientos(Records<DireccionamientoRegistro> records) {
        return new Direccionamientos(records);
    }

    static NODireccionamientoRegistros noDireccionamientos(Records<NODireccionamientoRegistro> records) {
        return new NODireccionamientos(records);
    }

    static ProgramacionRegistros programaciones(Records<ProgramacionRegistro> records) {
        return new Programaciones(records);
    }

    static EntregaRegistros entregas(Records<EntregaRegistro> records) {
        return new Entregas(records);
    }

    static ReporteEntregaRegistros reportesEntrega(Records<ReporteEntregaRegistro> records) {
        return new ReportesEntrega(records);
    }

    private static final class Direccionamientos extends DireccionamientoRegistros {
        Direccionamientos(Records<DireccionamientoRegistro> records) {
            direccionamientoRegistro = new RecordsList<>(records);
        }
    }

    private static final class NODireccionamientos extends NODireccionamientoRegistros {
        NODireccionamientos(Records<NODireccionamientoRegistro> records) {
            noDireccionamientoRegistro = new RecordsList<>(records);
        }
    }

    private static final class Programaciones extends ProgramacionRegistros {
        Programaciones(Records<ProgramacionRegistro> records) {
            programacionRegistro = new RecordsList<>(records);
        }
    }

    private static final class Entregas extends EntregaRegistros {
        Entregas(Records<EntregaRegistro> records) {
            entregaRegistro = new RecordsList<>(records);
        }
    }

    private static final class ReportesEntrega extends ReporteEntregaRegistros {
        ReportesEntrega(Records<ReporteEntregaRegistro> records) {
            reporteEntregaRegistro = new RecordsList<>(records);
        }
    }
}
