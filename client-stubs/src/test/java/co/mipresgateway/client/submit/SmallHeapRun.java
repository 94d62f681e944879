package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class's main run in a JVM of its own with a small heap, as the tests of what fits in memory need (the test's own
 * JVM has a heap of its machine's size): its exit code and what it printed.
 */
record SmallHeapRun(int exitCode, String output) {

    /** Runs {@code main} with {@code args} in a heap of {@code heap} ("128m"), printing into {@code log}; it must end within {@code patience}. */
    static SmallHeapRun of(String heap, Duration patience, Path log, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(run.waitFor(patience.toSeconds(), TimeUnit.SECONDS), main.getSimpleName() + " " + String.join(" ", args) + " ends");
        return new SmallHeapRun(run.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
