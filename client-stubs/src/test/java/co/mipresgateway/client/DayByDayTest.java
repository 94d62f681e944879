package co.mipresgateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DayByDayTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);
    private final DayByDay threeAtOnce = new DayByDay(3, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)));

    @Test
    void theRecordsComeInDayOrderWhateverOrderTheDaysAreAnsweredIn() {
        List<String> records = threeAtOnce.collect(JUNE_1, JUNE_1.plusDays(9), day -> {
            sleep(30 - 3 * (day.getDayOfMonth() - 1));   // the later the day, the sooner its answer
            return List.of(day + "/a", day + "/b");
        });
        assertEquals(20, records.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(JUNE_1.plusDays(i) + "/a", records.get(2 * i));
            assertEquals(JUNE_1.plusDays(i) + "/b", records.get(2 * i + 1));
        }
    }

    @Test
    void noMoreDaysThanAskedAreInFlightAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        threeAtOnce.collect(JUNE_1, JUNE_1.plusDays(19), day -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(20);
            inFlight.decrementAndGet();
            return List.of();
        });
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        assertTrue(most.get() > 1, "the days are asked side by side, saw " + most.get());
    }

    @Test
    void aDayTheServiceWasTooBusyForIsAskedAgainAfterWhatItsRetryAfterAsked() {
        Map<LocalDate, Long> firstAskedAt = new ConcurrentHashMap<>();
        Map<LocalDate, Long> askedAgainAfterMillis = new ConcurrentHashMap<>();
        List<String> records = threeAtOnce.collect(JUNE_1, JUNE_1.plusDays(2), day -> {
            Long first = firstAskedAt.putIfAbsent(day, System.nanoTime());
            if (day.getDayOfMonth() == 2 && first == null) {
                throw new MipresException(503, "ocupada", Duration.ofMillis(400));
            }
            if (first != null) askedAgainAfterMillis.put(day, (System.nanoTime() - first) / 1_000_000);
            return List.of(day.toString());
        });
        assertEquals(List.of("2025-06-01", "2025-06-02", "2025-06-03"), records);
        assertTrue(askedAgainAfterMillis.get(LocalDate.of(2025, 6, 2)) >= 400, askedAgainAfterMillis.toString());
    }

    @Test
    void aRefusalIsNotAskedAgainAndTheFailureNamesItsDay() {
        AtomicInteger asked = new AtomicInteger();
        MipresDayQueryException failure = assertThrows(MipresDayQueryException.class,
                () -> threeAtOnce.collect(JUNE_1, JUNE_1, day -> {
                    asked.incrementAndGet();
                    throw new MipresException(403, "Transacción solo para proveedores.");
                }));
        assertEquals(1, asked.get());
        assertEquals(JUNE_1, failure.fecha());
        assertEquals(403, assertInstanceOf(MipresException.class, failure.getCause()).status());
        assertTrue(failure.getMessage().contains("2025-06-01"), failure.getMessage());
    }

    @Test
    void aDayWithNoAnswerAfterEveryAttemptEndsTheQueryNamingThatDay() {
        Map<LocalDate, AtomicInteger> asked = new ConcurrentHashMap<>();
        LocalDate lost = JUNE_1.plusDays(4);
        MipresDayQueryException failure = assertThrows(MipresDayQueryException.class,
                () -> threeAtOnce.collect(JUNE_1, JUNE_1.plusDays(6), day -> {
                    asked.computeIfAbsent(day, d -> new AtomicInteger()).incrementAndGet();
                    if (day.equals(lost)) throw new MipresTransportException("no answer", null, true);
                    return List.of(day.toString());
                }));
        assertEquals(lost, failure.fecha());
        assertEquals(3, asked.get(lost).get());
        assertInstanceOf(MipresTransportException.class, failure.getCause());
    }

    @Test
    void aRangeThatEndsBeforeItStartsOrSpansMoreThanAYearIsRefusedBeforeAnyRequest() {
        AtomicInteger asked = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> threeAtOnce.collect(JUNE_1, JUNE_1.minusDays(1), day -> {
            asked.incrementAndGet();
            return List.of();
        }));
        assertThrows(IllegalArgumentException.class, () -> threeAtOnce.collect(JUNE_1, JUNE_1.plusDays(366), day -> {
            asked.incrementAndGet();
            return List.of();
        }));
        assertEquals(0, asked.get());
        assertEquals(366, DayByDay.days(JUNE_1, JUNE_1.plusDays(365)).size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
