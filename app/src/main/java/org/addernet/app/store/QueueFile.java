package org.addernet.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.IoText;
import org.addernet.app.io.Json;
import org.addernet.app.io.JsonFields;
import org.addernet.presets.LocatedJson;
import org.addernet.presets.Problems;
import org.addernet.engine.train.RunStatus;

/**
 * The queue's home on disk: {@code <home>/queue.json}, bound to records by Jackson and written
 * atomically, and {@code <home>/queue.lock}, which one process at a time holds (the OS releases
 * it even on a kill). A {@code queue.json} that cannot be read (a folder, unreadable, not UTF-8,
 * not JSON, a field of the wrong type or out of range) is a {@link QueueFileException} naming
 * every problem with its line:column and field; the file is left exactly as it is (never moved,
 * never overwritten), so that nothing in it is lost while the user decides.
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
        RunStore.removeStaleTemporaries(home, 1);     // a queue.json write a kill cut short: no process writes them now
        return new QueueFile(home, ch, lock);
    }

    /** Whether another process holds {@code home}'s queue now (reads only: an existing lock file is tried, none made). */
    static boolean heldElsewhere(Path home) {
        Path lockFile = home.resolve(LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;                 // this process has it open
        } catch (IOException e) {
            return false;
        }
    }

    Path path() {
        return home.resolve(FILE);
    }

    /** Saves the items and the queue's settings atomically. */
    void save(List<QueueEntry> items, int parallel, int nextId) throws IOException {
        AtomicFiles.writeString(path(), text(home, items, parallel, nextId));
    }

    /** The text {@link #save} writes. */
    static String text(Path home, List<QueueEntry> items, int parallel, int nextId) throws JsonProcessingException {
        List<Entry> saved = new ArrayList<>();
        for (QueueEntry it : items) {
            saved.add(it.toFile(home));
        }
        return JSON.writeValueAsString(new Document(FORMAT, parallel, nextId, saved)) + "\n";
    }

    /**
     * Reads the file: nothing when there is none.
     *
     * @throws QueueFileException it is a folder, cannot be read, or is not the queue's (every
     *                            problem, with line:column and field; the file is left as it is)
     */
    Loaded read() throws IOException {
        return read(home);
    }

    /** {@link #read()} of {@code home}'s queue.json without taking the queue: reads only, makes nothing. */
    static Loaded read(Path home) throws QueueFileException {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return new Loaded(false, List.of(), null, 1, null);
        }
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new QueueFileException(source + ": is a folder, expected the queue's file; move it away to start an empty queue");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new QueueFileException(source + ": cannot be read: " + IoText.reason(e) + "; " + HINT);
        }
        Problems problems = new Problems(source);
        LocatedJson json = LocatedJson.read(source, bytes, problems);
        if (json != null) {
            check(source, json, problems);
        }
        if (!problems.isEmpty()) {
            String m = problems.sortByPlace().message();
            throw new QueueFileException(m.contains(HINT) ? m : m + (problems.size() == 1 ? "; " : "\n  ") + HINT);
        }
        try {
            Document d = JSON.treeToValue(json.root(), Document.class);
            List<QueueEntry> items = new ArrayList<>();
            int maxId = 0;
            for (Entry e : d.items()) {
                QueueEntry it = QueueEntry.fromFile(e, home);
                if (it.id.matches("q\\d{1,9}")) {
                    maxId = Math.max(maxId, Integer.parseInt(it.id.substring(1)));
                }
                items.add(it);
            }
            return new Loaded(true, items, d.parallel(), Math.max(d.nextId() == null ? 1 : d.nextId(), maxId + 1), null);
        } catch (IOException | RuntimeException e) {           // checked above: a gap between the check and the records
            throw new QueueFileException(source + ": cannot be read as the queue: " + IoText.describe(e) + "; " + HINT);
        }
    }

    /** What to do about a damaged queue.json. */
    static final String HINT = "fix the file, or move it away to start an empty queue";

    /** Checks every field the records bind (all problems at once), with their places. */
    private static void check(String source, LocatedJson json, Problems problems) {
        JsonFields f = new JsonFields(source, json, problems, HINT);
        if (!f.object("", true)) {
            return;
        }
        Long format = f.whole("format", 0, Integer.MAX_VALUE, false, 0L);
        if (format != null && format > FORMAT) {
            f.problem("format", "format " + format + " is newer than this workbench reads (" + FORMAT + ")");
        }
        f.whole("parallel", 1, 1024, false, null);
        f.whole("nextId", 1, Integer.MAX_VALUE, false, null);
        int n = f.list("items", true);
        List<String> states = STATES.stream().map(RunStatus::id).toList();
        for (int i = 0; i < n; i++) {
            String it = "items[" + i + "]";
            if (!f.object(it, true)) {
                continue;
            }
            for (String required : List.of("id", "preset", "presetName")) {
                f.text(it + "." + required, true);
            }
            f.oneOf(it + ".kind", List.of(RunManifest.TOY, RunManifest.IMAGE), true);
            f.whole(it + ".seeds", 1, Integer.MAX_VALUE, true, null);
            f.oneOf(it + ".state", states, true);
            f.object(it + ".presetJson", true);
            f.strings(it + ".overrides");
            for (String optional : List.of("title", "dataRoot", "runFolder", "progressText", "error", "added", "started",
                    "finished")) {
                f.text(it + "." + optional, false);
            }
            f.number(it + ".progress", 0.0, 1.0, false);
            f.whole(it + ".attempts", 0, Integer.MAX_VALUE, false, null);
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
