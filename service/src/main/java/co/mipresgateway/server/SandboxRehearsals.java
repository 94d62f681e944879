package co.mipresgateway.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sandbox's rehearsals of the ministry's failures, read once at start: the share of faults and their kinds, the
 * delay, one session per NIT. All off in production.
 */
record SandboxRehearsals(double faults, List<SandboxFaults.Kind> faultKinds, Optional<SandboxDelays.Bounds> delay,
        boolean oneSessionPerNit) {

    static SandboxRehearsals of(Config config) {
        if (!config.sandbox()) return new SandboxRehearsals(0, List.of(), Optional.empty(), false);
        return new SandboxRehearsals(config.sandboxFaults(), config.sandboxFaultKinds(), config.sandboxDelay(),
                config.sandboxOneSession());
    }

    /**
     * Those that are on, under their settings' names, for {@code GET /}: a team sharing one sandbox sees what it
     * rehearses without its start log. Empty when none is.
     */
    Map<String, Object> on() {
        Map<String, Object> on = new LinkedHashMap<>();
        if (faults > 0) {
            on.put("MIPRES_SANDBOX_FAULTS", faults);
            on.put("MIPRES_SANDBOX_FAULTS_KINDS",
                    faultKinds.stream().map(SandboxFaults.Kind::setting).collect(Collectors.joining(",")));
        }
        delay.ifPresent(bounds -> on.put("MIPRES_SANDBOX_DELAY", bounds.least().equals(bounds.most())
                ? bounds.least().toString() : bounds.least() + ".." + bounds.most()));
        if (oneSessionPerNit) on.put("MIPRES_SANDBOX_ONE_SESSION", true);
        return Collections.unmodifiableMap(on);
    }
}
