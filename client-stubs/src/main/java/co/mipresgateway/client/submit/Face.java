package co.mipresgateway.client.submit;

import java.util.List;

/**
 * How rows reach the service: REST (the ministry's face and ours) or SOAP (ours). Failures come as the client's
 * typed exceptions whichever the face: MipresValidationException, MipresException, MipresTransportException.
 */
interface Face {

    /** Sends a row's body; answers the id the PUT created (IdProgramacion, IdEntrega or IdReporteEntrega). */
    long send(SubmissionKind kind, Object body);

    /** The caller's records of this kind for a prescription (the {@code ...XPrescripcion} query). */
    List<?> records(SubmissionKind kind, String noPrescripcion);
}
