package co.mipresgateway.client.submit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A date option as the ministry writes dates; {@code 03/06/2025} is refused, for it is June here and March elsewhere. */
final class IsoDate implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("fecha no válida '" + value + "': escríbala aaaa-mm-dd (2025-06-03)");
        }
    }
}
