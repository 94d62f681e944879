package co.mipresgateway.client.submit;

import co.mipresgateway.client.MipresValidationException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What a failure tells the user: a query refused, with the service's Message and every problem it listed ("La
 * solicitud tiene errores de validación." alone left the user guessing that the prescription had too few digits); a
 * file that could not be used, with its path and why.
 */
final class FailureText {

    private FailureText() {
    }

    static String of(Throwable failure) {
        if (failure instanceof FileSystemException file) return of(file);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MipresValidationException refused && !refused.errors().isEmpty()) {
                return failure.getMessage() + " " + String.join(" ", refused.errors());
            }
        }
        return failure.getMessage();
    }

    /** A file that could not be read or written: its message is its bare path ("/proc/x.csv"), which says nothing. */
    private static String of(FileSystemException failure) {
        String reason = failure.getReason() != null ? failure.getReason()
                : failure instanceof NoSuchFileException ? "no existe, o no existe la carpeta que lo contiene"
                : failure instanceof AccessDeniedException ? "sin permiso"
                : failure.getClass().getSimpleName();
        return "no se pudo usar el archivo " + failure.getFile() + ": " + reason + ".";
    }
}
