package co.mipresgateway.client.submit;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Counts and times that mean nothing at zero or below: a concurrency of 0 was run as 1 without a word, a timeout of 0
 * ended in the HTTP client's stack trace. Refused while the command line is read, in Spanish, exit code 2.
 */
final class PositiveOptions {

    private PositiveOptions() {
    }

    /** A whole number of at least 1: requests at once, attempts, days per query. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) atLeastOne(value, Integer.MAX_VALUE);
        }
    }

    /** Milliseconds, at least 1. */
    static final class Millis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return atLeastOne(value, Long.MAX_VALUE);
        }
    }

    /** Seconds above zero, with decimals if wanted (0.5). */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double seconds;
            try {
                seconds = Double.parseDouble(value.trim());
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException("'" + value + "' no es un número de segundos (30, o 0.5)");
            }
            if (!(seconds > 0) || Double.isInfinite(seconds)) throw new TypeConversionException("'" + value + "' debe ser un número de segundos mayor que cero");
            return seconds;
        }
    }

    private static long atLeastOne(String value, long most) {
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new TypeConversionException("'" + value + "' no es un número entero");
        }
        if (number < 1 || number > most) throw new TypeConversionException("'" + value + "' debe ser un número entero de al menos 1");
        return number;
    }
}
