package co.mipresgateway.client.submit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a command printed to the standard error, where the client says its refusals and its run's summary. */
final class StandardError {

    /** Code run while the standard error is caught. */
    interface Run {
        void run() throws Exception;
    }

    private StandardError() {
    }

    static String during(Run run) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
