package co.mipresgateway.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The library's arguments checked where they are given. A wrong one used only when something else goes wrong (a
 * retry's wait, a lookup after a lost answer) would fail at the worst moment: with a delivery perhaps recorded and
 * the caller not told so.
 */
final class Arguments {

    private Arguments() {
    }

    static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be longer than zero (was " + value + ")");
        return value;
    }

    static Duration notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) throw new IllegalArgumentException(name + " must not be negative (was " + value + ")");
        return value;
    }

    static String given(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be empty");
        return value;
    }
}
