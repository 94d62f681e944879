package co.mipresgateway.server;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The name a misspelt one was meant to be, for a refusal to offer ("¿Quiso decir ...?"); asked only on a refusal. */
public final class NearestName {

    private static final LevenshteinDistance TWO_TYPOS = new LevenshteinDistance(2);

    private NearestName() {
    }

    /** The one name of those that is at most two typos from the given one, letter case aside; null for none or several. */
    public static String among(Collection<String> names, String given) {
        if (given == null || given.isEmpty()) return null;
        String written = given.toLowerCase(Locale.ROOT);
        String nearest = null;
        for (String name : names) {
            if (TWO_TYPOS.apply(written, name.toLowerCase(Locale.ROOT)) >= 0) {
                if (nearest != null) return null;
                nearest = name;
            }
        }
        return nearest;
    }
}
