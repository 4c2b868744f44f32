package org.addernet.app.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output-folder protocol every run follows before it writes a file (the toy, epoch and sweep
 * runners, the theorem lab, the queue's items, the command line's {@code --resume}):
 * <ol>
 *   <li>the folder is made when missing; a file in its place is refused;</li>
 *   <li>it is claimed atomically: {@value RunFiles#LOCK} is created with {@code CREATE_NEW}
 *       holding this process's pid and start time. A lock whose process is gone (killed, crashed;
 *       checked with {@link ProcessHandle}, the start time guarding against a reused pid) is
 *       stale and taken over, which {@link #takeNotes()} reports; a live one refuses the folder:
 *       two runs started at once into one folder, the second is refused;</li>
 *   <li>unless the run continues the folder's run ({@code resume}), a folder holding any run
 *       artefact ({@link RunFiles#artefactsIn}) is refused, so that a killed or failed run, which
 *       could still be resumed, is never written over;</li>
 *   <li>{@link #close()} lets go (deletes the lock, when it is still ours).</li>
 * </ol>
 * Within one process a claim is held by a thread and re-entrant for it: the queue's job claims its
 * item's folder, writes the manifest, and the runner it starts on the same thread joins the claim
 * (without the artefact check: the claimant made it). Another thread of this process is refused
 * like another process.
 */
public final class FolderClaim implements AutoCloseable {
    /** How long a lock file may stay empty while its maker writes it before it counts as unreadable. */
    private static final long WRITING_MILLIS = 2_000;
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");
    private static final Pattern STARTED = Pattern.compile("\"processStarted\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CLAIMED = Pattern.compile("\"claimed\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern HOST = Pattern.compile("\"host\"\\s*:\\s*\"([^\"]*)\"");
    /** The folders this process holds, by absolute path. */
    private static final Map<Path, FolderClaim> HELD = new HashMap<>();

    private final Path folder;
    private final Path lock;
    private final String content;
    private final Thread owner;
    private final List<String> notes;
    private int holds = 1;
    /** Whether the claim made the folder: one left empty is removed again when let go (a refused run leaves nothing). */
    private boolean made;

    private FolderClaim(Path folder, Path lock, String content, List<String> notes) {
        this.folder = folder;
        this.lock = lock;
        this.content = content;
        this.owner = Thread.currentThread();
        this.notes = notes;
    }

    /**
     * Claims {@code folder} for a run.
     *
     * @param resume     the run continues the folder's own run: its artefacts are expected
     * @param label      how the user named the folder, for messages ({@code --out}, {@code --resume}, {@code run folder})
     * @param resumeHint what to say after "choose another folder" when it holds a run
     *                   ({@code "or continue it with --resume DIR"}), or null
     * @throws FolderRefusedException a file is in the way, the folder cannot be made, another run
     *                                holds it, or it holds a run's files (one line: which, and what to do)
     */
    public static FolderClaim claim(Path folder, boolean resume, String label, String resumeHint)
            throws FolderRefusedException {
        Path f = folder.toAbsolutePath().normalize();
        String named = label + " " + folder;
        Path lock = f.resolve(RunFiles.LOCK);
        List<String> notes = new ArrayList<>();
        FolderClaim claim = new FolderClaim(f, lock, lockContent(), notes);
        synchronized (HELD) {
            FolderClaim held = HELD.get(f);
            if (held != null) {
                if (held.owner == Thread.currentThread()) {
                    held.holds++;
                    return held;
                }
                throw new FolderRefusedException(named + ": another run of this workbench is writing it (since "
                        + held.claimedAt() + "); wait for it to end, or choose another folder");
            }
            HELD.put(f, claim);                 // before the lock file: another thread of ours is refused at once
        }
        boolean locked = false;
        try {
            if (Files.exists(f) && !Files.isDirectory(f)) {
                throw new FolderRefusedException(named + ": is a file, not a folder; choose a folder (it is made when missing)");
            }
            try {
                claim.made = !Files.exists(f);
                AtomicFiles.ops().createDirectories(f);     // as a run's writes: a full disk refuses it
            } catch (IOException e) {
                throw new FolderRefusedException(named + ": cannot make the folder: " + IoText.reason(e)
                        + "; choose a folder you can write");
            }
            for (int attempt = 0; !locked; attempt++) {
                try {
                    create(lock, claim.content);
                    locked = true;
                } catch (FileAlreadyExistsException taken) {
                    if (attempt >= 3) {
                        throw new FolderRefusedException(named + ": another run keeps claiming it (" + lock
                                + "); choose another folder");
                    }
                    notes.addAll(clearStale(lock, named));
                } catch (IOException e) {
                    throw new FolderRefusedException(named + ": cannot claim the folder (" + lock + "): "
                            + IoText.reason(e) + "; choose a folder you can write");
                }
            }
            if (!resume) {
                List<String> artefacts = RunFiles.artefactsIn(f, 4);
                if (!artefacts.isEmpty()) {
                    throw new FolderRefusedException(named + " already holds a run (" + String.join(", ", artefacts)
                            + (artefacts.size() == 4 ? ", ..." : "") + "); choose another folder"
                            + (resumeHint == null ? "" : ", " + resumeHint) + ": a run never writes over another's files");
                }
            }
            return claim;
        } catch (FolderRefusedException | RuntimeException e) {
            if (locked) {
                claim.deleteLock();
            }
            claim.removeIfMadeAndEmpty();
            synchronized (HELD) {
                HELD.remove(f, claim);
            }
            throw e;
        }
    }

    /** The folder claimed (absolute). */
    public Path folder() {
        return folder;
    }

    /**
     * What claiming had to do, for the run's log (a stale lock taken over, and whose it was), once:
     * the first caller (the claimant, or the runner that joins) gets them, later calls none.
     */
    public synchronized List<String> takeNotes() {
        List<String> n = List.copyOf(notes);
        notes.clear();
        return n;
    }

    /** Whether this thread of this process holds {@code folder}. */
    public static boolean heldHere(Path folder) {
        synchronized (HELD) {
            FolderClaim c = HELD.get(folder.toAbsolutePath().normalize());
            return c != null && c.owner == Thread.currentThread();
        }
    }

    /**
     * Whether a live run other than this thread's holds {@code folder} now: another process's lock,
     * or another thread of this process (reads only).
     */
    public static boolean heldElsewhere(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        synchronized (HELD) {
            FolderClaim c = HELD.get(f);
            if (c != null) {
                return c.owner != Thread.currentThread();
            }
        }
        try {
            String text = Files.readString(f.resolve(RunFiles.LOCK), StandardCharsets.UTF_8);
            Matcher pid = PID.matcher(text);
            Matcher st = STARTED.matcher(text);
            return pid.find() && alive(Long.parseLong(pid.group(1)), st.find() ? st.group(1) : "");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Lets go once per claim or join; the last deletes the lock file (when it is still this claim's). */
    @Override
    public void close() {
        synchronized (HELD) {
            if (--holds > 0) {
                return;
            }
            HELD.remove(folder, this);
        }
        deleteLock();
        removeIfMadeAndEmpty();
    }

    private void removeIfMadeAndEmpty() {
        if (!made) {
            return;
        }
        try {
            Files.delete(folder);
        } catch (IOException ignored) {
            // something was written into it: kept
        }
    }

    private void deleteLock() {
        try {
            if (content.equals(Files.readString(lock, StandardCharsets.UTF_8))) {
                Files.deleteIfExists(lock);
            }
        } catch (IOException ignored) {
            // gone already, or unreadable: the next claim judges it by its process
        }
    }

    private String claimedAt() {
        Matcher m = CLAIMED.matcher(content);
        return m.find() ? m.group(1) : "earlier";
    }

    /** This machine's name, as the lock records it ({@code "localhost"} when it has none). */
    static String thisHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * Lets go of the claim another attempt of the same work left on {@code folder}, whatever its
     * process: for an engine that has declared that attempt lost (a Spark task's retry after its
     * executor died, which may still look alive here for a moment, or live on another machine).
     * Returns the note to print, or an empty list when no lock was there.
     */
    public static List<String> supersede(Path folder, String why) throws FolderRefusedException {
        Path lock = folder.resolve(RunFiles.LOCK);
        String text = readSettled(lock);
        if (text == null) {
            return List.of();
        }
        Matcher pid = PID.matcher(text);
        Matcher cl = CLAIMED.matcher(text);
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new FolderRefusedException(folder + ": cannot take over the lock " + lock + ": " + IoText.reason(e));
        }
        return List.of(folder + ": took over the lock of process " + (pid.find() ? pid.group(1) : "?") + " (claimed "
                + (cl.find() ? cl.group(1) : "earlier") + "): " + why);
    }

    /** The lock's text: this process, when it started, when it claimed, and a nonce that tells two claims apart. */
    private static String lockContent() {
        ProcessHandle me = ProcessHandle.current();
        return "{\"pid\": " + me.pid() + ", \"host\": \"" + thisHost() + "\", \"processStarted\": \""
                + me.info().startInstant().map(Instant::toString).orElse("") + "\", \"claimed\": \"" + Instant.now()
                + "\", \"nonce\": \"" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "\"}\n";
    }

    private static void create(Path lock, String content) throws IOException {
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    /**
     * The lock file is there: refused when its process lives; moved out of the way (and reported)
     * when it is stale; returns the notes.
     */
    private static List<String> clearStale(Path lock, String named) throws FolderRefusedException {
        String text = readSettled(lock);
        if (text == null) {
            return List.of();                       // released meanwhile: try again
        }
        Matcher pid = PID.matcher(text);
        if (!pid.find()) {
            throw new FolderRefusedException(named + ": holds " + lock + ", which is not a lock this workbench "
                    + "wrote; if no run is using the folder, delete that file");
        }
        long p = Long.parseLong(pid.group(1));
        Matcher st = STARTED.matcher(text);
        String started = st.find() ? st.group(1) : "";
        Matcher cl = CLAIMED.matcher(text);
        String claimed = cl.find() ? cl.group(1) : "an unknown time";
        Matcher ho = HOST.matcher(text);
        if (ho.find() && !ho.group(1).equals(thisHost())) {   // a shared folder: another machine's pid says nothing here
            throw new FolderRefusedException(named + ": another run is writing it (process " + p + " on " + ho.group(1)
                    + ", since " + claimed + "); wait for it to end, or, if that run is gone, delete " + lock);
        }
        if (alive(p, started)) {
            throw new FolderRefusedException(named + ": another run is writing it (process " + p + ", since "
                    + claimed + "); wait for it to end, or choose another folder");
        }
        Path aside = lock.resolveSibling("." + RunFiles.LOCK + ".stale-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.move(lock, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(aside);
        } catch (NoSuchFileException gone) {
            return List.of();                       // another process took it over first; it is judged again
        } catch (IOException e) {
            throw new FolderRefusedException(named + ": cannot take over the stale lock " + lock + ": "
                    + IoText.reason(e) + "; delete it if no run is using the folder");
        }
        return List.of(named + ": took over the lock of process " + p + " (claimed " + claimed
                + "), which is gone: that run was killed or crashed");
    }

    /** The lock's text once its maker has written it (null when it is gone); an empty file is waited for briefly. */
    private static String readSettled(Path lock) throws FolderRefusedException {
        long deadline = System.nanoTime() + WRITING_MILLIS * 1_000_000L;
        while (true) {
            String text;
            try {
                text = Files.readString(lock, StandardCharsets.UTF_8);
            } catch (NoSuchFileException gone) {
                return null;
            } catch (IOException e) {
                throw new FolderRefusedException(lock + ": cannot read the folder's lock: " + IoText.reason(e));
            }
            if (text.endsWith("}\n") || System.nanoTime() > deadline) {
                return text;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return text;
            }
        }
    }

    /** Whether process {@code pid}, started at {@code started} (ISO instant, "" when unknown), still runs. */
    static boolean alive(long pid, String started) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return false;                            // ours, but no claim of ours holds it: left by an earlier claim
        }
        if (started.isEmpty()) {
            return true;
        }
        Optional<Instant> now = h.get().info().startInstant();
        try {
            return now.isEmpty() || Duration.between(Instant.parse(started), now.get()).abs().toMillis() < 1_000;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
