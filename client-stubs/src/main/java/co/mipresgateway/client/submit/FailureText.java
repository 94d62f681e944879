package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresValidationException;

/**
 * What a failed query tells its user: the service's Message, and every problem it listed. "La solicitud tiene errores
 * de validación." alone left the user guessing that the prescription had too few digits.
 */
final class FailureText {

    private FailureText() {
    }

    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MipresValidationException refused && !refused.errors().isEmpty()) {
                return failure.getMessage() + " " + String.join(" ", refused.errors());
            }
        }
        return failure.getMessage();
    }
}
