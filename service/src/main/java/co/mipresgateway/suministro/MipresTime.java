package co.mipresgateway.suministro;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
    private static final DateTimeFormatter FECHA_HORA = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private MipresTime() {
    }

    public static Optional<LocalDate> parseFecha(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text.trim(), FECHA));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
