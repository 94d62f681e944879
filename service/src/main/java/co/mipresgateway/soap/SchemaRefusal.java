package co.mipresgateway.soap;

import co.mipresgateway.suministro.SentValues;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cxf.interceptor.Fault;

/**
 * A well-formed message that the schema or the binding refuses (an element the schema does not have, or out of its
 * order, a text where a number goes): the client's fault, which CXF tells in English as "Unmarshalling Error: ...".
 * Said in Spanish, keeping the validator's own words, which name the element.
 */
final class SchemaRefusal {

    /** CXF's code for a message JAXB could not bind or the schema refused. */
    private static final String CXF_UNMARSHAL_ERROR = "UNMARSHAL_ERROR";
    private static final String CXF_PREFIX = "Unmarshalling Error:";
    /** A value the validator quotes ('...'), longer than an answer quotes one. */
    private static final Pattern LONG_QUOTED_VALUE = Pattern.compile("'([^']{41,})'");

    private SchemaRefusal() {
    }

    /** The Spanish fault string, or null when the fault is not the binding's refusal. */
    static String describe(Fault fault) {
        if (!CXF_UNMARSHAL_ERROR.equals(fault.getCode())) return null;
        String detail = String.valueOf(fault.getMessage()).strip();
        if (detail.startsWith(CXF_PREFIX)) detail = detail.substring(CXF_PREFIX.length()).strip();
        // Xerces quotes the refused value whole: a cell of thousands of characters came back whole in the fault.
        detail = LONG_QUOTED_VALUE.matcher(detail).replaceAll(
                quoted -> Matcher.quoteReplacement("'" + SentValues.cut(quoted.group(1)) + "'"));
        return "El mensaje no cumple el esquema del servicio, suministro.xsd (" + detail + "); no se guardó nada de él.";
    }
}
