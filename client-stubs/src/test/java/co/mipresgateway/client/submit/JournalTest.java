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

    /**
     * Given as --journal, the rows' own file (or any file) was read as a journal with nothing done and then had the
     * journal's lines appended; a JSON Lines file of rows ended in a stack trace.
     */
    @Test
    void aFileThatIsNoJournalIsRefusedAndLeftAsItWas() throws Exception {
        String rows = "{\"ID\":1000005,\"NoPrescripcion\":\"20250602100000000005\"}\n";
        Path jsonl = Files.writeString(dir.resolve("entregas.jsonl"), rows);
        Path csv = Files.write(dir.resolve("reportes.csv"), "ID;NoPrescripcion\n1000009;caña\n".getBytes("windows-1252"));
        for (Path notAJournal : List.of(jsonl, csv)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Journal.open(notAJournal, SubmissionKind.ENTREGAS));
            assertTrue(refused.getMessage().startsWith("el archivo " + notAJournal + " no es un diario de mipres-client (su primera"
                    + " línea es '"), refused.getMessage());
        }
        assertEquals(rows, Files.readString(jsonl));
        assertEquals("ID;NoPrescripcion\n1000009;caña\n", Files.readString(csv, java.nio.charset.Charset.forName("windows-1252")));

        Path edited = Files.writeString(dir.resolve("editado.journal"), "{\"journal\":\"mipres-client\",\"kind\":\"ENTREGAS\"}\n"
                + "{\"ID\":7,\"state\":\"HECHO\"}\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Journal.open(edited, SubmissionKind.ENTREGAS));
        assertTrue(refused.getMessage().startsWith("la línea 2 del diario " + edited + " no es de un diario de mipres-client"),
                refused.getMessage());

        // A kill while the header itself was written leaves a part of it, and a run after that appended to it.
        Path cut = Files.writeString(dir.resolve("cortado.journal"), "{\"journal\":\"mipr\n{\"resumed\":\"2026-12-07T00:00:00Z\"}\n");
        try (Journal resumed = Journal.open(cut, SubmissionKind.ENTREGAS)) {
            resumed.sending(1);
        }
        Path zeros = Files.writeString(dir.resolve("ceros.journal"), "\0\0\0\0");
        Journal.open(zeros, SubmissionKind.ENTREGAS).close();
    }

    /** The results file given as --journal replaced the journal at the end of the run; the rows' file had lines appended. */
    @Test
    void theJournalMayBeNeitherTheRowsFileNorTheResultsFile() throws Exception {
        Path rows = Files.writeString(dir.resolve("reportes.csv"), "ID;NoPrescripcion\n");
        // No service runs at this address: the refusal comes before the session is opened.
        String[] noService = {"--nit", "900000001", "--token", "t", "--url", "http://127.0.0.1:9"};
        String said = StandardError.during(() -> {
            for (String[] options : List.of(new String[] {"--journal", rows.toString()},
                    new String[] {"--journal", dir.resolve("x.csv").toString(), "--results", dir.resolve("./x.csv").toString()},
                    // A folder, or a file in no folder: "Is a directory" alone, or only once the session was open.
                    new String[] {"--journal", dir.toString()}, new String[] {"--journal", dir.resolve("no/j").toString()},
                    new String[] {"--results", dir.resolve("no/r.csv").toString()})) {
                String[] command = concat(concat(new String[] {"submit", "reportes", rows.toString()}, options), noService);
                assertEquals(2, MipresClientMain.commandLine().execute(command), String.join(" ", command));
            }
        });
        assertEquals(List.of("--journal " + rows + " es el archivo de las filas: dé otro (por defecto ARCHIVO.journal)",
                "--journal " + dir.resolve("x.csv") + " es también el archivo de resultados: dé otro a cada uno",
                "--journal " + dir + " es una carpeta: dé el nombre del diario (por ejemplo " + dir.resolve("reportes.csv.journal") + ").",
                "--journal " + dir.resolve("no/j") + ": no existe la carpeta " + dir.resolve("no") + ".",
                "--results " + dir.resolve("no/r.csv") + ": no existe la carpeta " + dir.resolve("no") + "."),
                said.lines().toList());
        assertEquals("ID;NoPrescripcion\n", Files.readString(rows));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
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

    /**
     * A journal beside a file an ERP rewrites every day (the README's use) grows for as long as it is used: a year of
     * 1,000 reports a day is ~700,000 lines, 40 MB. It was read whole, and did not open in a 128 MB heap.
     */
    @Test
    void aYearOfDailyRunsOpensInANinetySixMegabyteHeap() throws Exception {
        Path file = dir.resolve("reportes.csv.journal");
        int ids = 365_000;
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"journal\":\"mipres-client\",\"kind\":\"REPORTES\"}\n");
            for (int i = 0; i < ids; i++) {
                if (i % 1_000 == 0) out.write("{\"resumed\":\"2026-01-01T00:00:00Z\"}\n");
                out.write("{\"ID\":" + (1_000_000 + i) + ",\"state\":\"SENDING\"}\n");
                out.write("{\"ID\":" + (1_000_000 + i) + ",\"state\":\"DONE\",\"result\":" + (6_000_000 + i)
                        + ",\"values\":\"0123456789abcdef01234567\"}\n");
            }
        }
        Path log = dir.resolve("open.log");
        SmallHeapRun opening = SmallHeapRun.of("96m", java.time.Duration.ofMinutes(2), log, OpenJournal.class, file.toString(),
                String.valueOf(1_000_000 + ids - 1));
        String said = opening.output();
        assertEquals(0, opening.exitCode(), said);
        assertEquals("DONE " + (6_000_000 + ids - 1), said.strip());
    }

    /** Opens a journal and prints the last state of one row. */
    public static final class OpenJournal {
        public static void main(String[] args) throws Exception {
            try (Journal journal = Journal.open(Path.of(args[0]), SubmissionKind.REPORTES)) {
                Journal.Entry entry = journal.entry(Long.parseLong(args[1]));
                System.out.println(entry.state() + " " + entry.resultId());
            }
        }
    }
}
