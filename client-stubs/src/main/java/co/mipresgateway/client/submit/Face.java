package co.mipresgateway.client.submit;

import java.util.Optional;

/**
 * How rows reach the service: REST (the ministry's face and ours) or SOAP (ours). Failures come as the client's
 * typed exceptions whichever the face: MipresValidationException, MipresException, MipresTransportException.
 */
interface Face {

    /** Sends a row's body; answers the id the PUT created (IdProgramacion, IdEntrega or IdReporteEntrega). */
    long send(SubmissionKind kind, Object body);

    /** The id of the active record this row would create, if the service already has it. */
    Optional<Long> lookup(SubmissionKind kind, String noPrescripcion, long id);
}
