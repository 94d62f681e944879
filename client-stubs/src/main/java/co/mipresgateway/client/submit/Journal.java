package co.mipresgateway.client.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The submitter's memory across runs, a JSON Lines file beside the input, keyed by the row's chain ID (one active
 * step per ID, so one entry per ID). {@code SENDING} is written before a row's first request leaves; {@code DONE}
 * or {@code FAILED} when its outcome is known. Each line goes to the file with its own write before the next
 * step, so a kill -9 at any moment leaves at worst a row marked SENDING whose outcome is unknown: the next run
 * looks it up before sending it again. A torn last line (the kill hit mid-write) is ignored.
 */
final class Journal implements AutoCloseable {

    enum State { SENDING, DONE, FAILED }

    record Entry(State state, Long resultId, List<String> errors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException torn) {
                    continue;
                }
                if (node == null || !node.has("ID")) {
                    if (node != null && node.has("kind") && !kind.name().equals(node.get("kind").asText())) {
                        throw new IllegalStateException("el diario " + file + " es de un envío de "
                                + node.get("kind").asText().toLowerCase(Locale.ROOT) + ", no de " + kind.name().toLowerCase(Locale.ROOT)
                                + ": revise TIPO, o dé otro --journal");
                    }
                    continue;
                }
                State state = State.valueOf(node.get("state").asText());
                Long resultId = node.hasNonNull("result") ? node.get("result").asLong() : null;
                List<String> errors = node.has("errors")
                        ? JSON.convertValue(node.get("errors"), JSON.getTypeFactory().constructCollectionType(List.class, String.class))
                        : List.of();
                entries.put(node.get("ID").asLong(), new Entry(state, resultId, errors));
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        Journal journal = new Journal(file, channel, entries);
        if (channel.size() == 0) {
            ObjectNode header = JSON.createObjectNode().put("journal", "mipres-client").put("kind", kind.name());
            journal.append(header);
        } else {
            journal.append(JSON.createObjectNode().put("resumed", java.time.Instant.now().toString()));
        }
        return journal;
    }

    Path file() {
        return file;
    }

    synchronized Entry entry(long id) {
        return entries.get(id);
    }

    void sending(long id) {
        record(id, new Entry(State.SENDING, null, List.of()));
    }

    void done(long id, long resultId) {
        record(id, new Entry(State.DONE, resultId, List.of()));
    }

    void failed(long id, List<String> errors) {
        record(id, new Entry(State.FAILED, null, errors));
    }

    private void record(long id, Entry entry) {
        ObjectNode line = JSON.createObjectNode().put("ID", id).put("state", entry.state().name());
        if (entry.resultId() != null) line.put("result", entry.resultId());
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
