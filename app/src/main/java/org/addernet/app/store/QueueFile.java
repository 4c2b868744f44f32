package org.addernet.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.Json;
import org.addernet.engine.train.RunStatus;

/**
 * The queue's home on disk: {@code <home>/queue.json}, bound to records by Jackson and written
 * atomically, and {@code <home>/queue.lock}, which one process at a time holds (the OS releases
 * it even on a kill). A damaged {@code queue.json} is moved aside to
 * {@code queue.json.damaged-<time>}, never lost, and reported in one line.
 */
final class QueueFile {
    /** The queue's file in the home. */
    static final String FILE = "queue.json";
    /** Held while a process has the queue open. */
    static final String LOCK = "queue.lock";
    /** Written into the file; a reader refuses a newer one. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = Json.indented().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The states a queue item can be saved in. */
    private static final List<RunStatus> STATES = List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.COMPLETED,
            RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.INTERRUPTED);

    /** The whole file. */
    record Document(int format, Integer parallel, Integer nextId, List<Entry> items) {
    }

    /**
     * One item as saved (see {@link QueueItem} for the fields): a run folder inside the home is
     * saved relative to it, {@code presetJson} is the merged preset as an object.
     */
    record Entry(String id, String preset, String presetName, String title, String kind, Integer seeds,
                 List<String> overrides, String dataRoot, RunStatus state, String runFolder, Double progress,
                 String progressText, String error, Integer attempts, String added, String started, String finished,
                 JsonNode presetJson) {
    }

    /**
     * What {@link #read()} found: whether a readable file was there ({@code found}), the items as
     * saved, the number to run at once (null when not saved), the next item number (above every
     * {@code q<N>} saved), and a warning when the file was damaged (then there are no items).
     */
    record Loaded(boolean found, List<QueueEntry> items, Integer parallel, int nextId, String warning) {
    }

    private final Path home;
    private final FileChannel channel;
    private final FileLock lock;

    private QueueFile(Path home, FileChannel channel, FileLock lock) {
        this.home = home;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the queue of {@code home} (made when missing).
     *
     * @throws IOException the home cannot be written, or another process holds the queue
     */
    static QueueFile lock(Path home) throws IOException {
        Files.createDirectories(home);
        FileChannel ch = FileChannel.open(home.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException(home.resolve(FILE) + ": the queue is open in another workbench (it holds "
                    + home.resolve(LOCK) + "); close that one first");
        }
        return new QueueFile(home, ch, lock);
    }

    Path path() {
        return home.resolve(FILE);
    }

    /** Saves the items and the queue's settings atomically. */
    void save(List<QueueEntry> items, int parallel, int nextId) throws IOException {
        List<Entry> saved = new ArrayList<>();
        for (QueueEntry it : items) {
            saved.add(it.toFile(home));
        }
        AtomicFiles.writeString(path(), JSON.writeValueAsString(new Document(FORMAT, parallel, nextId, saved)) + "\n");
    }

    /**
     * Reads the file: nothing when there is none; a file that is not the queue's (not JSON, a
     * field of the wrong type, an unknown state, a newer format) is moved aside and named in the
     * warning.
     *
     * @throws IOException the damaged file cannot be moved aside
     */
    Loaded read() throws IOException {
        Path file = path();
        if (!Files.isRegularFile(file)) {
            return new Loaded(false, List.of(), null, 1, null);
        }
        try {
            JsonNode tree = JSON.readTree(Files.readString(file));   // a parse error: not JSON at all
            Document d = check(tree == null || !tree.isObject() ? null : JSON.treeToValue(tree, Document.class));
            List<QueueEntry> items = new ArrayList<>();
            int maxId = 0;
            for (Entry e : d.items()) {
                QueueEntry it = QueueEntry.fromFile(e, home);
                if (it.id.matches("q\\d+")) {
                    maxId = Math.max(maxId, Integer.parseInt(it.id.substring(1)));
                }
                items.add(it);
            }
            return new Loaded(true, items, d.parallel(), Math.max(d.nextId() == null ? 1 : d.nextId(), maxId + 1), null);
        } catch (IOException | RuntimeException e) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path aside = file.resolveSibling(FILE + ".damaged-" + stamp);
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return new Loaded(false, List.of(), null, 1, file + ": " + why(e) + "; moved aside to " + aside.getFileName()
                    + ", the queue starts empty");
        }
    }

    /** One line: where in the file ({@code items[2].seeds}) and what is wrong. */
    private static String why(Exception e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty() && !(m.getCause() instanceof StreamReadException)) {
            StringBuilder where = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    where.append(where.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    where.append('[').append(r.getIndex()).append(']');
                }
            }
            return where + ": " + m.getOriginalMessage();
        }
        return e instanceof JsonProcessingException j ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage();
    }

    /** Checks what binding leaves open: required fields, seeds, states, the format. */
    private static Document check(Document d) throws IOException {
        if (d == null || d.items() == null) {
            throw new IOException("expected {\"items\": [...]}");
        }
        if (d.format() > FORMAT) {
            throw new IOException("format " + d.format() + " is newer than this workbench reads");
        }
        for (Entry e : d.items()) {
            if (e == null) {
                throw new IOException("an item: expected an object");
            }
            need(e.id(), "id");
            need(e.preset(), "preset");
            need(e.presetName(), "presetName");
            need(e.kind(), "kind");
            if (e.seeds() == null || e.seeds() < 1) {
                throw new IOException(e.id() + ": seeds: expected a whole number >= 1");
            }
            if (e.state() == null) {
                throw new IOException("an item's state: expected a string");
            }
            if (!STATES.contains(e.state())) {
                throw new IOException(e.id() + ": state: unknown state '" + e.state().id() + "'");
            }
            if (e.presetJson() == null || !e.presetJson().isObject()) {
                throw new IOException(e.id() + ": presetJson: expected the merged preset object");
            }
        }
        return d;
    }

    private static void need(String value, String field) throws IOException {
        if (value == null) {
            throw new IOException("an item's " + field + ": expected a string");
        }
    }

    /** The preset text of a saved item's {@code presetJson}. */
    static String text(JsonNode presetJson) throws JsonProcessingException {
        return JSON.writeValueAsString(presetJson);
    }

    /** {@code presetJson} text as the object saved in the file. */
    static JsonNode tree(String presetJson) throws JsonProcessingException {
        return JSON.readTree(presetJson);
    }

    /** Lets go of the lock. */
    void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
