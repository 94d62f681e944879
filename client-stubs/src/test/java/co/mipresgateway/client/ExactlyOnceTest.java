package co.mipresgateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ExactlyOnceTest {

    private final ExactlyOnce exactlyOnce = new ExactlyOnce(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)));

    /** A scripted service: each send and each lookup takes the next answer of its own script, and the calls are logged. */
    private static final class Script implements ExactlyOnce.Step {
        final Deque<Supplier<Long>> sends = new LinkedList<>();
        final Deque<Supplier<Optional<Long>>> lookups = new LinkedList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public long send() {
            calls.add("send");
            return sends.removeFirst().get();
        }

        @Override
        public Optional<Long> lookUp() {
            calls.add("lookup");
            return lookups.removeFirst().get();
        }
    }

    private static Supplier<Long> fails(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    private static MipresTransportException lostAnswer() {
        return new MipresTransportException("timeout", null, true);
    }

    private long record(Script script, boolean mayHaveBeenSent, List<String> marks) throws InterruptedException {
        return exactlyOnce.record(script, mayHaveBeenSent, () -> marks.add("marked"));
    }

    @Test
    void aLostAnswerIsLookedUpAndWhatTheServiceRecordedIsTheAnswer() throws Exception {
        Script script = new Script();
        script.sends.add(fails(lostAnswer()));
        script.lookups.add(() -> Optional.of(6_000_001L));
        List<String> marks = new ArrayList<>();
        assertEquals(6_000_001L, record(script, false, marks));
        assertEquals(List.of("send", "lookup"), script.calls);
        assertEquals(List.of("marked"), marks);
    }

    @Test
    void aLostAnswerTheServiceDidNotRecordIsSentAgainAndMarkedOnlyOnce() throws Exception {
        Script script = new Script();
        script.sends.add(fails(lostAnswer()));
        script.sends.add(() -> 6_000_002L);
        script.lookups.add(Optional::empty);
        List<String> marks = new ArrayList<>();
        assertEquals(6_000_002L, record(script, false, marks));
        assertEquals(List.of("send", "lookup", "send"), script.calls);
        assertEquals(List.of("marked"), marks);
    }

    @Test
    void aRefusalSayingNothingWasKeptIsSentAgainWithoutALookupButABare500IsLookedUp() throws Exception {
        Script busy = new Script();
        busy.sends.add(fails(new MipresException(503, "La base de datos está ocupada y no se guardó nada de esta solicitud.")));
        busy.sends.add(fails(new MipresException(408, "La solicitud no terminó de llegar a tiempo.")));
        busy.sends.add(() -> 1L);
        assertEquals(1L, record(busy, false, new ArrayList<>()));
        assertEquals(List.of("send", "send", "send"), busy.calls);

        Script error = new Script();
        error.sends.add(fails(new MipresException(500, "Error.")));
        error.lookups.add(Optional::empty);
        error.sends.add(() -> 2L);
        assertEquals(2L, record(error, false, new ArrayList<>()));
        assertEquals(List.of("send", "lookup", "send"), error.calls);
    }

    @Test
    void yaExisteAnswersTheRecordThatExistsOrSaysItCouldNotBeFound() throws Exception {
        MipresValidationException yaExiste = new MipresValidationException(422, "Errores de validación",
                List.of("Para la entrega 5000005 ya existe un reporte de entrega activo (IdReporteEntrega 6000002)."));
        Script found = new Script();
        found.sends.add(fails(yaExiste));
        found.lookups.add(() -> Optional.of(6_000_002L));
        assertEquals(6_000_002L, record(found, false, new ArrayList<>()));

        Script notFound = new Script();
        notFound.sends.add(fails(yaExiste));
        notFound.lookups.add(Optional::empty);
        MipresValidationException refused = assertThrows(MipresValidationException.class,
                () -> record(notFound, false, new ArrayList<>()));
        assertEquals(2, refused.errors().size());
        assertTrue(refused.errors().get(1).contains("revise NoPrescripcion"), refused.errors().toString());
    }

    @Test
    void anyOtherRefusalIsFinalAndNotSentAgain() {
        MipresValidationException invalid = new MipresValidationException(422, "Errores de validación",
                List.of("ValorEntregado: debe ser un número."));
        Script script = new Script();
        script.sends.add(fails(invalid));
        assertSame(invalid, assertThrows(MipresValidationException.class, () -> record(script, false, new ArrayList<>())));
        Script forbidden = new Script();
        forbidden.sends.add(fails(new MipresException(403, "Transacción solo para proveedores.")));
        assertEquals(403, assertThrows(MipresException.class, () -> record(forbidden, false, new ArrayList<>())).status());
        assertEquals(List.of("send"), forbidden.calls);
    }

    @Test
    void noFinalAnswerWithinTheAttemptsIsAnUnknownOutcomeAndTheNextTryLooksFirst() throws Exception {
        Script script = new Script();
        for (int i = 0; i < 3; i++) script.sends.add(fails(new MipresTransportException("no connection", null, false)));
        MipresOutcomeUnknownException unknown = assertThrows(MipresOutcomeUnknownException.class,
                () -> record(script, false, new ArrayList<>()));
        assertTrue(unknown.getMessage().contains("3 intentos"), unknown.getMessage());

        Script nextTry = new Script();
        nextTry.lookups.add(() -> Optional.of(7L));
        List<String> marks = new ArrayList<>();
        assertEquals(7L, record(nextTry, true, marks));
        assertEquals(List.of("lookup"), nextTry.calls);
        assertEquals(List.of(), marks, "already marked by the earlier try");
    }
}
