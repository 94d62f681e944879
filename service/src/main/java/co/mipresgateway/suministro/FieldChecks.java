package co.mipresgateway.suministro;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.apache.commons.validator.GenericValidator;
import org.apache.commons.validator.routines.RegexValidator;

/** The field formats of the ministry's bodies, each failure written into {@link Problems} in Spanish. */
final class FieldChecks {

    static final Set<String> TIPOS_TEC = Set.of("M", "P", "D", "N", "S");
    static final Set<String> TIPOS_ID_PACIENTE =
            Set.of("CC", "RC", "TI", "CE", "PA", "NV", "CD", "SC", "PR", "PE", "AS", "MS", "PT");
    static final Set<String> TIPOS_ID_PERSONA = Set.of("NI", "CC", "CE", "PA", "CD", "SC", "PE", "PT", "TI", "RC");
    static final int CAUSA_MINIMA = 1;
    static final int CAUSA_MAXIMA = 19;

    private static final RegexValidator PRESCRIPCION = new RegexValidator("^\\d{20}$");
    private static final RegexValidator DANE = new RegexValidator("^\\d{5}$");
    private static final RegexValidator NIT = new RegexValidator("^\\d{5,15}$");
    private static final RegexValidator DOCUMENTO = new RegexValidator("^[A-Za-z0-9-]{1,20}$");
    // Decimal text with a point: "12", "2.5". No grouping separators, so "1,000" cannot mean two things.
    /** A date and time with its zone: an offset or Z (ISO 8601, as .NET's DateTimeOffset and toISOString write it). */
    private static final RegexValidator WITH_ZONE =
            new RegexValidator("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})$");
    private static final RegexValidator CANTIDAD = new RegexValidator("^\\d{1,12}(\\.\\d{1,4})?$");

    private final Problems problems;

    /**
     * A date after today, naming today as Colombia has it: a server that writes its own day in UTC (or a time zone
     * ahead) sends tomorrow's date in Colombia's evening, and "fecha futura" alone left it puzzled.
     */
    static String future(LocalDate today) {
        return "no puede ser una fecha futura (hoy, en hora de Colombia, es " + today + ").";
    }

    FieldChecks(Problems problems) {
        this.problems = problems;
    }

    boolean present(String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            problems.add(field, Problems.MISSING);
            return false;
        }
        return true;
    }

    void text(String field, String value, int maxLength) {
        if (present(field, value)) textWithin(field, value, maxLength);
    }

    void optionalText(String field, String value, int maxLength) {
        if (value != null) textWithin(field, value, maxLength);
    }

    private void textWithin(String field, String value, int maxLength) {
        if (!GenericValidator.maxLength(value, maxLength)) {
            problems.add(field, "admite a lo sumo " + maxLength + " caracteres.");
        }
        int control = firstControlCharacter(value);
        if (control >= 0) {
            problems.add(field, String.format("contiene un carácter de control (U+%04X) que no se puede guardar; quítelo.", control));
        }
    }

    /**
     * A control character other than a tab or a line end, or -1. An ERP's fixed-width C strings pad with NUL, which
     * PostgreSQL cannot keep in a text while H2 can: refused on both, so that the sandbox takes only what production keeps.
     */
    private static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return c;
        }
        return -1;
    }

    void noPrescripcion(String field, String value) {
        if (present(field, value)) optionalNoPrescripcion(field, value);
    }

    void optionalNoPrescripcion(String field, String value) {
        if (value != null && !PRESCRIPCION.isValid(value)) problems.add(field, "debe tener 20 dígitos" + received(value, PRESCRIPCION) + ".");
    }

    /** What was sent, quoted (cut at 40 characters), for a format refused. */
    private static String received(String value) {
        return received(value, "");
    }

    /**
     * The same, saying so when only the spaces around it are wrong: a space or a tab copied from a spreadsheet is
     * invisible, and "debe tener 20 dígitos" about twenty digits and a space leaves the sender lost.
     */
    private static String received(String value, RegexValidator format) {
        return received(value, format.isValid(value.strip()) ? ", con espacios al inicio o al final" : "");
    }

    private static String received(String value, String note) {
        return " (se recibió '" + SentValues.cut(value) + "'" + note + ")";
    }

    void oneOf(String field, String value, Set<String> allowed) {
        if (present(field, value)) oneOfListed(field, value, allowed);
    }

    /** A field the body may leave out (null or empty): what it brings is kept, so it is checked all the same. */
    void optionalOneOf(String field, String value, Set<String> allowed) {
        if (given(value)) oneOfListed(field, value, allowed);
    }

    private void oneOfListed(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            problems.add(field, "el valor '" + SentValues.cut(value) + "' no es válido; valores válidos: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isEmpty();
    }

    void atLeast(String field, Integer value, int minimum) {
        if (present(field, value) && value < minimum) problems.add(field, "debe ser mayor o igual a " + minimum + ".");
    }

    void zeroOrOne(String field, Integer value) {
        if (present(field, value) && value != 0 && value != 1) problems.add(field, "debe ser 0 o 1.");
    }

    void documento(String field, String value) {
        if (present(field, value)) documentoFormat(field, value);
    }

    /** A document number the body may leave out (null or empty); one it brings is checked, as it is kept. */
    void optionalDocumento(String field, String value) {
        if (given(value)) documentoFormat(field, value);
    }

    private void documentoFormat(String field, String value) {
        if (!DOCUMENTO.isValid(value)) {
            problems.add(field, "debe tener de 1 a 20 letras, dígitos o guiones" + received(value, DOCUMENTO) + ".");
        }
    }

    void nit(String field, String value) {
        if (present(field, value) && !NIT.isValid(value)) problems.add(field, "debe tener de 5 a 15 dígitos" + received(value, NIT) + ".");
    }

    void codigoDane(String field, String value) {
        if (present(field, value) && !DANE.isValid(value)) {
            problems.add(field, "debe ser el código DANE del municipio, de 5 dígitos" + received(value, DANE) + ".");
        }
    }

    /** A yyyy-MM-dd date (a time after it is ignored); null when absent or malformed (the problem is already noted). */
    LocalDate fecha(String field, String value) {
        if (!present(field, value)) return null;
        LocalDate date = MipresTime.parseFecha(value).orElse(null);
        if (date == null && WITH_ZONE.isValid(value.trim())) {
            // Not turned into a day here: "2025-06-03T00:00:00.000Z" is June 3rd for a client that serialized a date
            // (JavaScript's new Date("2025-06-03")) and June 2nd in Bogotá for one that serialized an instant.
            problems.add(field, "debe ser una fecha sin zona horaria, con formato yyyy-MM-dd: una fecha y hora con zona ('"
                    + value.trim() + "') puede caer en otro día en Bogotá.");
        } else if (date == null) {
            problems.add(field, "debe ser una fecha válida con formato yyyy-MM-dd" + received(value) + ".");
        }
        return date;
    }

    /** A quantity written as text; null when absent or malformed (the problem is already noted). */
    BigDecimal cantidad(String field, String value, boolean zeroAllowed) {
        if (!present(field, value)) return null;
        if (!CANTIDAD.isValid(value.trim())) {
            problems.add(field, "debe ser un número con punto decimal, por ejemplo 30 o 2.5" + received(value) + ".");
            return null;
        }
        BigDecimal amount = parseCantidad(value);
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            problems.add(field, zeroAllowed ? "no puede ser negativo." : "debe ser mayor que cero.");
            return null;
        }
        return amount;
    }

    void causaNoEntrega(String field, Integer value) {
        if (present(field, value) && (value < CAUSA_MINIMA || value > CAUSA_MAXIMA)) {
            problems.add(field, "debe ser un código de causa de no entrega entre "
                    + CAUSA_MINIMA + " y " + CAUSA_MAXIMA + ".");
        }
    }

    void valor(String field, BigDecimal value) {
        if (!present(field, value)) return;
        if (value.signum() < 0) problems.add(field, "no puede ser negativo.");
        if (value.stripTrailingZeros().scale() > 2) problems.add(field, "admite a lo sumo 2 decimales.");
        if (value.precision() - value.scale() > 16) problems.add(field, "es demasiado grande.");
    }

    static BigDecimal parseCantidad(String text) {
        return new BigDecimal(text.trim());
    }
}
