package co.mipresgateway.client.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void aReopenedJournalRemembersEachRowsLastStateAndIgnoresATornLastLine() throws Exception {
        Path file = dir.resolve("r.csv.journal");
        try (Journal journal = Journal.open(file, SubmissionKind.REPORTES)) {
            journal.sending(1);
            journal.done(1, 6000001, "abc");
            journal.sending(2);
            journal.sending(3);
            journal.failed(3, List.of("ValorEntregado: no válido."));
        }
        // A kill -9 in the middle of a write leaves half a line.
        Files.writeString(file, "{\"ID\":4,\"sta", StandardOpenOption.APPEND);

        try (Journal reopened = Journal.open(file, SubmissionKind.REPORTES)) {
            assertEquals(Journal.State.DONE, reopened.entry(1).state());
            assertEquals(6000001L, reopened.entry(1).resultId());
            assertEquals(Journal.State.SENDING, reopened.entry(2).state());
            assertEquals(List.of("ValorEntregado: no válido."), reopened.entry(3).errors());
            assertNull(reopened.entry(4));
            reopened.done(2, 6000002, "def");
        }
        try (Journal again = Journal.open(file, SubmissionKind.REPORTES)) {
            assertEquals(6000002L, again.entry(2).resultId());
            assertTrue(again.entry(1).doneWith("abc"), "done with the values it was recorded with");
            assertFalse(again.entry(1).doneWith("xyz"), "a row changed since is not done");
        }
        // A journal written before the values were kept: its done rows stay done whatever the row holds.
        Path old = Files.writeString(dir.resolve("old.journal"), "{\"journal\":\"mipres-client\",\"kind\":\"REPORTES\"}\n"
                + "{\"ID\":7,\"state\":\"DONE\",\"result\":6000007}\n");
        try (Journal before = Journal.open(old, SubmissionKind.REPORTES)) {
            assertTrue(before.entry(7).doneWith("xyz"));
        }
    }

    @Test
    void aJournalOfAnotherKindIsRefused() throws Exception {
        Path file = dir.resolve("x.journal");
        try (Journal journal = Journal.open(file, SubmissionKind.ENTREGAS)) {
            journal.sending(1);
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Journal.open(file, SubmissionKind.REPORTES));
        assertEquals("el diario " + file + " es de un envío de entregas, no de reportes: revise TIPO, o dé otro --journal",
                refused.getMessage());
    }
}
