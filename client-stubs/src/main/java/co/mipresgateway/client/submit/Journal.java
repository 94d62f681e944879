package co.mipresgateway.client.submit;

import co.mipresgateway.client.ClientJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The submitter's memory across runs, a JSON Lines file beside the input, keyed by the row's chain ID (one active
 * step per ID, so one entry per ID), a DONE row with a digest of the values it was recorded with. {@code SENDING}
 * is written before a row's first request leaves; {@code DONE} or {@code FAILED} when its outcome is known. Each
 * line goes to the file with its own write before the next step, so a kill -9 at any moment leaves at worst a row
 * marked SENDING whose outcome is unknown: the next run looks it up before sending it again. A torn last line (the
 * kill hit mid-write) is ignored.
 */
final class Journal implements AutoCloseable {

    enum State { SENDING, DONE, FAILED }

    /** @param values a DONE row's {@link #fingerprint}; null for the other states, and in journals written before it */
    record Entry(State state, Long resultId, List<String> errors, String values) {

        /** Done, with these values: a row changed since (corrected after an annulment) is not done. */
        boolean doneWith(String fingerprint) {
            return state == State.DONE && (values == null || values.equals(fingerprint));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the first line of every journal says it is. */
    private static final String HEADER_MARK = "mipres-client";
    /** How that line begins as written: a kill during its write leaves a part of it. */
    private static final String HEADER_START = "{\"journal\":\"" + HEADER_MARK + "\"";

    private final Path file;
    private final FileChannel channel;
    private final Map<Long, Entry> entries;

    private Journal(Path file, FileChannel channel, Map<Long, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
    }

    static Journal open(Path file, SubmissionKind kind) throws IOException {
        Map<Long, Entry> entries = new HashMap<>();
        if (Files.exists(file)) {
            // Read a line at a time: a journal reused daily for a year holds ~700,000 lines (40 MB), which read whole
            // took three times the memory of the entries made of them. Decoded with replacement, not as strict UTF-8:
            // a file that is no journal (a Windows-1252 CSV) must be told as such, not as bad UTF-8.
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                Iterator<String> lines = reader.lines().iterator();
                String first = lines.hasNext() ? lines.next() : null;
                requireJournal(file, first, lines.hasNext());
                if (first != null) take(first, 1, file, kind, entries);
                for (int number = 2; lines.hasNext(); number++) take(lines.next(), number, file, kind, entries);
            } catch (UncheckedIOException unreadable) {
                throw unreadable.getCause();
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        Journal journal = new Journal(file, channel, entries);
        if (channel.size() == 0) {
            ObjectNode header = JSON.createObjectNode().put("journal", HEADER_MARK).put("kind", kind.name());
            journal.append(header);
        } else {
            journal.append(JSON.createObjectNode().put("resumed", java.time.Instant.now().toString()));
        }
        return journal;
    }

    /** One line of the journal into the entries: a row's latest state wins; a torn line (a kill mid-write) is skipped. */
    private static void take(String line, int number, Path file, SubmissionKind kind, Map<Long, Entry> entries) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException torn) {
            return;
        }
        if (node == null || !node.has("ID")) {
            if (node != null && node.has("kind") && !kind.name().equals(node.get("kind").asText())) {
                throw new IllegalStateException("el diario " + file + " es de un envío de "
                        + node.get("kind").asText().toLowerCase(Locale.ROOT) + ", no de " + kind.name().toLowerCase(Locale.ROOT)
                        + ": revise TIPO, o dé otro --journal");
            }
            return;
        }
        State state = stateOf(node, file, number);
        Long resultId = node.hasNonNull("result") ? node.get("result").asLong() : null;
        List<String> errors = node.has("errors")
                ? JSON.convertValue(node.get("errors"), JSON.getTypeFactory().constructCollectionType(List.class, String.class))
                : List.of();
        String values = node.hasNonNull("values") ? node.get("values").asText() : null;
        entries.put(node.get("ID").asLong(), new Entry(state, resultId, errors, values));
    }

    /**
     * The file must be a journal: its first line is the header {@link #open} writes, or a part of it that a kill cut.
     * Any other file (the rows' own file, the results, given as {@code --journal} by mistake) would be read as a
     * journal with no rows done, and then have the journal's lines appended to it.
     */
    private static void requireJournal(Path file, String firstLine, boolean moreLines) {
        if (firstLine == null) return;
        String first = firstLine.replace("\0", "").strip();
        if (first.startsWith(HEADER_START) || (!first.isEmpty() && HEADER_START.startsWith(first))) return;
        if (first.isEmpty() && !moreLines) return;
        throw new IllegalStateException("el archivo " + file + " no es un diario de mipres-client (su primera línea es "
                + RowChecks.shown(first) + "): el diario no puede ser el archivo de filas ni el de resultados. Dé otro"
                + " --journal; ese archivo no se modificó.");
    }

    /** A line the journal wrote whole names a known state; another was written by someone else. */
    private static State stateOf(JsonNode node, Path file, int number) {
        try {
            return State.valueOf(node.path("state").asText(""));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("la línea " + number + " del diario " + file + " no es de un diario de mipres-client"
                    + " (" + RowChecks.shown(node.toString()) + "): el diario no se edita a mano. Dé otro --journal: las"
                    + " filas ya registradas responderán «ya existe» y se buscarán, sin registrarse dos veces.");
        }
    }

    Path file() {
        return file;
    }

    synchronized Entry entry(long id) {
        return entries.get(id);
    }

    void sending(long id) {
        record(id, new Entry(State.SENDING, null, List.of(), null));
    }

    /** @param values the {@link #fingerprint} of the body recorded */
    void done(long id, long resultId, String values) {
        record(id, new Entry(State.DONE, resultId, List.of(), values));
    }

    void failed(long id, List<String> errors) {
        record(id, new Entry(State.FAILED, null, errors, null));
    }

    /**
     * A short digest of a row's body: the journal keeps it rather than the values (a patient's document), to tell a
     * row sent again as it was from one corrected since.
     */
    static String fingerprint(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ClientJson.mapper().writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the body cannot be digested", e);
        }
    }

    private void record(long id, Entry entry) {
        ObjectNode line = JSON.createObjectNode().put("ID", id).put("state", entry.state().name());
        if (entry.resultId() != null) line.put("result", entry.resultId());
        if (entry.values() != null) line.put("values", entry.values());
        if (!entry.errors().isEmpty()) line.set("errors", JSON.valueToTree(entry.errors()));
        synchronized (this) {
            append(line);
            entries.put(id, entry);
        }
    }

    private void append(ObjectNode line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) channel.write(bytes);
        } catch (IOException e) {
            // Carrying on without a journal could send a row twice after a crash: stop instead.
            throw new UncheckedIOException("no se pudo escribir el diario " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.force(true);
        channel.close();
    }
}
