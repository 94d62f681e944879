package co.mipresgateway.soap;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import org.xml.sax.SAXParseException;

/**
 * Lets the schema validator, rather than the binding, say what is wrong with a value, naming its element. For a text
 * where a number goes the binding speaks first, in Java's words naming neither the element nor at times the value
 * ("Not a number: uno"); then the validator, twice: the value against its type ("cvc-datatype-valid...", or
 * "cvc-maxInclusive-valid" for a number beyond an int), and the element ("cvc-type.3.1.3: El valor 'uno' del
 * elemento 's:ConTec' no es válido."). The unmarshalling goes on to that last one: all three come at the same
 * element's end, so nothing past it is bound.
 */
public final class ElementNamedRefusals implements ValidationEventHandler {

    @Override
    public boolean handleEvent(ValidationEvent event) {
        if (event.getSeverity() == ValidationEvent.WARNING) return true;
        Throwable linked = event.getLinkedException();
        boolean bindingsOwnConversion = linked != null && !(linked instanceof SAXParseException);
        return bindingsOwnConversion || valueAgainstItsType(event.getMessage());
    }

    /** Xerces's keys for a value its type refuses ("cvc-datatype-valid.1.2.1", "cvc-maxInclusive-valid"). */
    private static boolean valueAgainstItsType(String message) {
        if (message == null || !message.startsWith("cvc-")) return false;
        int keyEnd = message.indexOf(':');
        return keyEnd > 0 && message.substring(0, keyEnd).contains("-valid");
    }
}
