package co.mipresgateway.client.submit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows (or queries) done of total, rate, errors and ETA, redrawn on one terminal line; nothing at all when not on a
 * terminal.
 */
final class Progress implements AutoCloseable {

    private final int total;
    private final String unit;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final ScheduledExecutorService ticker;

    /** @param unit what is counted, in the plural: "filas", "consultas" */
    Progress(int total, String unit, PrintStream out, boolean visible) {
        this.total = total;
        this.unit = unit;
        this.out = out;
        if (visible && total > 0) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    void rowFinished(Outcome outcome) {
        finished(outcome.status() != Outcome.Status.OK);
    }

    void finished(boolean failed) {
        done.incrementAndGet();
        if (failed) errors.incrementAndGet();
    }

    int done() {
        return done.get();
    }

    double rate() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds <= 0 ? 0 : done.get() / seconds;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void draw() {
        int finished = done.get();
        double rate = rate();
        String eta = rate > 0 ? formatSeconds((long) ((total - finished) / rate)) : "?";
        out.printf("\r%d/%d %s · %.0f %s/s · %d con error · faltan %s   ", finished, total, unit, rate, unit, errors.get(), eta);
        out.flush();
    }

    private static String formatSeconds(long seconds) {
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            draw();
            out.println();
        }
    }
}
