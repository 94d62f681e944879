package co.mipresgateway.client;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ministry's XFecha queries take one day, so a month is thirty requests; its public clients loop over the
 * days with as many requests at once as they dare. This asks the days of a range a few at a time, so as not to be
 * throttled, and gives the records in day order. A query changes nothing, so a day the service could not answer
 * (a 5xx, a 408, no answer) is asked again, waiting at least what a 503's Retry-After asks.
 */
final class DayByDay {

    /** A year: a longer range is more likely a typing mistake than a wish to send thousands of requests. */
    static final int LONGEST_RANGE_DAYS = 366;

    private final int concurrency;
    private final RetryPolicy retry;

    DayByDay(int concurrency, RetryPolicy retry) {
        if (concurrency < 1) throw new IllegalArgumentException("at least one day at a time");
        this.concurrency = concurrency;
        this.retry = retry;
    }

    <R> List<R> collect(LocalDate desde, LocalDate hasta, Function<LocalDate, List<R>> dayQuery) {
        List<LocalDate> days = days(desde, hasta);
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(concurrency, days.size()), r -> {
            Thread t = new Thread(r, "mipres-day-query");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<R>>> answers = new ArrayList<>(days.size());
            for (LocalDate day : days) answers.add(workers.submit(() -> withRetries(day, dayQuery)));
            List<R> records = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) records.addAll(answerOf(days.get(i), answers.get(i)));
            return records;
        } finally {
            // The first day that failed ends the whole query: the days not yet asked are not asked.
            workers.shutdownNow();
        }
    }

    static List<LocalDate> days(LocalDate desde, LocalDate hasta) {
        String problem = rangeProblem(desde, hasta);
        if (problem != null) throw new IllegalArgumentException(problem);
        return desde.datesUntil(hasta.plusDays(1)).toList();
    }

    /** What is wrong with a range of days to query, or null. */
    static String rangeProblem(LocalDate desde, LocalDate hasta) {
        if (hasta.isBefore(desde)) return "El rango de fechas termina (" + hasta + ") antes de empezar (" + desde + ").";
        long count = ChronoUnit.DAYS.between(desde, hasta) + 1;
        if (count > LONGEST_RANGE_DAYS) {
            return "Un rango de " + count + " días (" + desde + " a " + hasta + "): consulte a lo sumo " + LONGEST_RANGE_DAYS
                    + " días por vez.";
        }
        return null;
    }

    private <R> List<R> withRetries(LocalDate day, Function<LocalDate, List<R>> dayQuery) throws InterruptedException {
        return retried(() -> dayQuery.apply(day));
    }

    /** One query, asked again while the service could not answer (5xx, 408, no answer); a refusal is final. */
    <T> T retried(Supplier<T> query) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return query.get();
            } catch (MipresException e) {
                if (!e.isWorthRetrying() || attempt >= retry.maxAttempts()) throw e;
                pause(retry.delayAfter(attempt, e.retryAfter()));
            } catch (MipresTransportException e) {
                if (attempt >= retry.maxAttempts()) throw e;
                pause(retry.delayAfter(attempt));
            }
        }
    }

    private static void pause(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis());
    }

    private static <R> List<R> answerOf(LocalDate day, Future<List<R>> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw new MipresDayQueryException(day, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MipresDayQueryException(day, e);
        }
    }
}
