package co.mipresgateway.client;

import java.time.LocalDate;

/**
 * One day of a range query ({@link SuministroClient#xFechaBetween}) could not be read, even after the retries a
 * query deserves; so the range's records are not given, for a list with a day missing would look complete. The
 * cause is the day's own failure ({@link MipresException}, {@link MipresTransportException}, ...).
 */
public class MipresDayQueryException extends RuntimeException {

    private final LocalDate fecha;

    public MipresDayQueryException(LocalDate fecha, Throwable cause) {
        super("La consulta del día " + fecha + " falló: " + cause.getMessage(), cause);
        this.fecha = fecha;
    }

    /** The day that could not be read. */
    public LocalDate fecha() {
        return fecha;
    }
}
