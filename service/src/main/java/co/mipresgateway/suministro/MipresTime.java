package co.mipresgateway.suministro;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The ministry's clock and formats: Bogotá local time, dates yyyy-MM-dd, records yyyy-MM-dd HH:mm. */
public final class MipresTime {

    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final DateTimeFormatter FECHA =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final int DATE_LENGTH = "yyyy-MM-dd".length();
    private static final DateTimeFormatter FECHA_HORA = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private MipresTime() {
    }

    /**
     * A date as clients send it: yyyy-MM-dd, or followed by a time, which is ignored. The ministry's records write
     * their dates "2019-07-06 00:00", and its service (ASP.NET, whose dates bind from either form) takes them back
     * that way, as it takes "2019-07-06T00:00:00" from clients that serialize a date-time; clients send both.
     */
    public static Optional<LocalDate> parseFecha(String text) {
        if (text == null) return Optional.empty();
        String trimmed = text.trim();
        try {
            if (trimmed.length() > DATE_LENGTH) {
                char separator = trimmed.charAt(DATE_LENGTH);
                if (separator != ' ' && separator != 'T') return Optional.empty();
                LocalTime.parse(trimmed.substring(DATE_LENGTH + 1), DateTimeFormatter.ISO_LOCAL_TIME);
                trimmed = trimmed.substring(0, DATE_LENGTH);
            }
            return Optional.of(LocalDate.parse(trimmed, FECHA));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A date the rules have already accepted (see {@link #parseFecha}). */
    public static LocalDate fecha(String acceptedText) {
        return parseFecha(acceptedText).orElseThrow(() -> new IllegalArgumentException("not a date: " + acceptedText));
    }

    public static String format(LocalDateTime time) {
        return time == null ? null : FECHA_HORA.format(time);
    }

    /** A plain date in a record reads as midnight, as the ministry writes it: "2019-07-06 00:00". */
    public static String format(LocalDate date) {
        return date == null ? null : FECHA_HORA.format(date.atStartOfDay());
    }

    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(BOGOTA)).withNano(0);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(BOGOTA));
    }
}
