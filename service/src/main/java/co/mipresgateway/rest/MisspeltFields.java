package co.mipresgateway.rest;

import co.mipresgateway.suministro.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Unknown fields are ignored, as the ministry's service ignores them, so a field whose name is misspelt
 * ("CantTotalAEntregar", "FecMaxEntrega") comes back as a missing one. The missing field's line then names the
 * near spelling the body brought. Read only when a body is refused.
 */
final class MisspeltFields {

    /** How a line about an absent field ends ("FecMaxEnt: es obligatorio."). */
    private static final String MISSING = ": " + Problems.MISSING;

    /** An ERP adds a few fields of its own; a body of thousands is not looked through. */
    private static final int UNKNOWN_NAMES_LOOKED_AT = TransactionBodyReader.FIELDS_EXAMINED;

    private static final Map<Class<?>, Set<String>> KNOWN = new ConcurrentHashMap<>();
    /** At most two letters typed wrong, left out or added (-1 beyond). */
    private static final LevenshteinDistance TWO_TYPOS = new LevenshteinDistance(2);

    private MisspeltFields() {
    }

    /** The body as it was read, kept on the request so that a refusal can look at the names it brought. */
    record ReadBody(Class<?> type, byte[] bytes) {

        static void keep(Class<?> type, byte[] bytes) {
            Message current = PhaseInterceptorChain.getCurrentMessage();
            if (current != null) current.getExchange().put(ReadBody.class, new ReadBody(type, bytes));
        }

        static ReadBody kept() {
            Message current = PhaseInterceptorChain.getCurrentMessage();
            return current == null ? null : current.getExchange().get(ReadBody.class);
        }
    }

    static List<String> hinted(List<String> errors, ReadBody body, ObjectMapper mapper) {
        if (body == null || errors.stream().noneMatch(line -> line.endsWith(MISSING))) return errors;
        List<String> unknown = unknownNames(body, mapper);
        if (unknown.isEmpty()) return errors;
        List<String> hinted = new ArrayList<>(errors.size());
        for (String line : errors) {
            String near = line.endsWith(MISSING) ? nearest(line.substring(0, line.length() - MISSING.length()), unknown) : null;
            hinted.add(near == null ? line : line.substring(0, line.length() - 1) + "; el cuerpo trae " + near
                    + ", que no es un campo de esta transacción: ¿es este?");
        }
        return hinted;
    }

    private static List<String> unknownNames(ReadBody body, ObjectMapper mapper) {
        Set<String> known = KNOWN.computeIfAbsent(body.type(), type -> knownNames(type, mapper));
        List<String> unknown = new ArrayList<>();
        try {
            if (!(mapper.readTree(body.bytes()) instanceof ObjectNode fields)) return unknown;
            for (Iterator<String> names = fields.fieldNames(); names.hasNext() && unknown.size() < UNKNOWN_NAMES_LOOKED_AT; ) {
                String name = names.next();
                if (!known.contains(name.toLowerCase(Locale.ROOT))) unknown.add(name);
            }
        } catch (IOException notJson) {
            // it was bound, so it is JSON; nothing to add if not
        }
        return unknown;
    }

    private static Set<String> knownNames(Class<?> type, ObjectMapper mapper) {
        Set<String> names = new TreeSet<>();
        mapper.getDeserializationConfig().introspect(mapper.constructType(type)).findProperties()
                .forEach(property -> names.add(property.getName().toLowerCase(Locale.ROOT)));
        return names;
    }

    /** The unknown name that reads as the missing one: a typo or two, or the same letters with some added or left out. */
    private static String nearest(String missing, List<String> unknown) {
        String want = missing.toLowerCase(Locale.ROOT);
        for (String name : unknown) {
            String got = name.toLowerCase(Locale.ROOT);
            boolean gotShorter = got.length() < want.length();
            String shorter = gotShorter ? got : want;
            String longer = gotShorter ? want : got;
            boolean sameLettersInOrder = shorter.length() >= 4 && shorter.length() * 2 >= longer.length()
                    && isSubsequence(shorter, longer);
            if (sameLettersInOrder || TWO_TYPOS.apply(want, got) >= 0) return name;
        }
        return null;
    }

    private static boolean isSubsequence(String shorter, String longer) {
        int i = 0;
        for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) i++;
        }
        return i == shorter.length();
    }
}
