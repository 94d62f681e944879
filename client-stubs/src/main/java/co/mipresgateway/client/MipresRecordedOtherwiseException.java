package co.mipresgateway.client;

import java.util.List;

/**
 * An {@code ...ExactlyOnce} call found the chain ID's step already recorded, but with other values than the body
 * sent: someone else recorded it (by hand in the ministry's web module, another system), and the body sent was not
 * recorded. {@link #errors()} names each field that differs. Its message does not say "ya existe", so that a caller
 * that takes "ya existe" as "already done" does not take this for its own record.
 */
public class MipresRecordedOtherwiseException extends MipresValidationException {

    private final long recordedId;

    /**
     * @param step the step as the message names it: "una entrega activa"
     * @param recordedIdName the name of the id the step answers: "IdEntrega"
     */
    public MipresRecordedOtherwiseException(String step, String recordedIdName, long id, long recordedId, List<String> differences) {
        super(422, "El servicio ya tenía " + step + " del ID " + id + " (" + recordedIdName + " " + recordedId + ") con otros "
                + "valores; no se registró lo enviado: anule ese registro y envíe de nuevo, o corrija sus datos.", differences);
        this.recordedId = recordedId;
    }

    /** The id of the record the service holds (its IdProgramacion, IdEntrega or IdReporteEntrega). */
    public long recordedId() {
        return recordedId;
    }
}
