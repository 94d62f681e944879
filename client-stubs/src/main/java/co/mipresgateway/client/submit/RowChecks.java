package co.mipresgateway.client.submit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks a row must pass before it is sent, each problem in Spanish and naming its field, as the service's
 * 422 does. They catch what a spreadsheet gets wrong (missing cells, text in a number, a date as 5/1/26); the
 * service still decides the rules of the chain.
 */
final class RowChecks {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final int DAY_LENGTH = "aaaa-mm-dd".length();
    private static final Pattern SLASHED_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{2,4}");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    /** As the service quotes a refused value: enough to find the cell. */
    private static final int SHOWN_LENGTH = 40;

    private final InputRow row;
    private final List<String> problems = new ArrayList<>();

    RowChecks(InputRow row) {
        this.row = row;
    }

    List<String> problems() {
        return problems;
    }

    String required(String field) {
        String value = row.get(field);
        if (value == null) problems.add(field + ": es obligatorio.");
        return value;
    }

    Long positiveLong(String field) {
        String value = required(field);
        if (value == null) return null;
        try {
            long n = Long.parseLong(value);
            if (n > 0) return n;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(field + ": debe ser un número entero positivo (se recibió " + shown(value) + ").");
        return null;
    }

    Integer intIn(String field, int min, int max) {
        String value = required(field);
        if (value == null) return null;
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(field + ": debe ser un número entero entre " + min + " y " + max + " (se recibió " + shown(value) + ").");
        return null;
    }

    Integer oneOf(String field, List<Integer> allowed) {
        String value = required(field);
        if (value == null) return null;
        try {
            int n = Integer.parseInt(value);
            if (allowed.contains(n)) return n;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(field + ": debe ser uno de " + allowed + " (se recibió " + shown(value) + ").");
        return null;
    }

    String noPrescripcion(String field) {
        String value = required(field);
        if (value != null && !value.matches("\\d{20}")) {
            problems.add(field + ": debe tener 20 dígitos (se recibió " + shown(value) + "; en Excel, escríbalo como texto).");
            return null;
        }
        return value;
    }

    /** A quantity, written as text as the ministry wants it: above zero, or zero or more. */
    String number(String field, boolean aboveZero) {
        String written = required(field);
        if (written == null) return null;
        String value = withDecimalPoint(written);
        try {
            int sign = new BigDecimal(value).signum();
            if (sign > 0 || (sign == 0 && !aboveZero)) return value;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(field + ": debe ser un número " + (aboveZero ? "mayor que cero" : "mayor o igual a cero")
                + " (se recibió " + shown(written) + thousandsHint(written) + ").");
        return null;
    }

    /** Money: zero or more, at most two decimals. */
    BigDecimal money(String field) {
        String value = required(field);
        if (value == null) return null;
        try {
            BigDecimal amount = new BigDecimal(withDecimalPoint(value));
            if (amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2) return amount;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(field + ": debe ser un valor mayor o igual a cero con máximo dos decimales (se recibió " + shown(value)
                + thousandsHint(value) + ").");
        return null;
    }

    /**
     * Excel in Colombian Spanish writes 12500,50. A comma before one or two final digits is never a thousands
     * separator, so it is the decimal point; "12,500" or "12.500,50" could be amounts a thousand times apart and
     * are left to be refused.
     */
    private static String withDecimalPoint(String value) {
        return DECIMAL_COMMA.matcher(value).matches() ? value.replace(',', '.') : value;
    }

    /**
     * 03/06/2025 is June in Colombia and March in the United States: never guessed, but the way to write it is said.
     */
    private static String dayMonthHint(String value) {
        return SLASHED_DATE.matcher(value).matches()
                ? ", que puede leerse como día/mes o mes/día: en Excel, dé a la columna el formato aaaa-mm-dd" : "";
    }

    private static String thousandsHint(String value) {
        return value.indexOf(',') >= 0 ? ", escriba los decimales con punto o coma y sin separador de miles" : "";
    }

    /** A date as aaaa-mm-dd; a time after it, as spreadsheets export a date-time cell (2026-12-01 00:00:00), is dropped. */
    String date(String field, boolean notInFuture) {
        String value = required(field);
        if (value == null) return null;
        try {
            String day = value;
            if (value.length() > DAY_LENGTH && (value.charAt(DAY_LENGTH) == ' ' || value.charAt(DAY_LENGTH) == 'T')) {
                LocalTime.parse(value.substring(DAY_LENGTH + 1));
                day = value.substring(0, DAY_LENGTH);
            }
            LocalDate date = LocalDate.parse(day);
            LocalDate today = LocalDate.now(BOGOTA);
            if (notInFuture && date.isAfter(today)) {
                problems.add(field + ": no puede ser una fecha futura (hoy, en hora de Colombia, es " + today + ").");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(field + ": debe ser una fecha aaaa-mm-dd (se recibió " + shown(value) + dayMonthHint(value) + ").");
            return null;
        }
    }

    /**
     * A value as a message quotes it: on one line, and cut at 40 characters. A 32,000-character cell printed whole
     * buried the other rows' messages.
     */
    static String shown(String value) {
        String oneLine = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n").replace("\t", "\\t");
        return "'" + (oneLine.length() > SHOWN_LENGTH ? oneLine.substring(0, SHOWN_LENGTH) + "…" : oneLine) + "'";
    }

    String optional(String field) {
        return row.get(field);
    }
}
