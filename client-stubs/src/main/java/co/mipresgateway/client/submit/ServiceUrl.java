package co.mipresgateway.client.submit;

import co.mipresgateway.client.SuministroClient;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The --url (or MIPRES_URL) read as the address of a service: "localhost:8080" without its scheme ended in the HTTP
 * client's stack trace. Refused while the command line is read, in Spanish, exit code 2.
 */
final class ServiceUrl implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            SuministroClient.apiBase(value);
            return value.strip();
        } catch (IllegalArgumentException notAnAddress) {
            throw new TypeConversionException("'" + value + "' no es una dirección http:// o https:// con su servidor (por ejemplo"
                    + " http://localhost:8080, o https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api)");
        }
    }
}
