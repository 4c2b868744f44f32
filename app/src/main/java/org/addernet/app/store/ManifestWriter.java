package org.addernet.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.io.IoText;
import org.addernet.app.io.WriteFailedException;
import org.addernet.app.runner.RunObserver;
import org.addernet.app.runner.RunSummary;
import org.addernet.presets.Preset;
import org.addernet.engine.train.RunStatus;

/**
 * Keeps a run folder's {@code run.json} in step with the runner that fills it: {@code running}
 * (with this process's id) once the runner has checked the folder, then {@code completed},
 * {@code failed} or {@code cancelled} from its summary, or {@code interrupted} when the run was
 * stopped by closing the window (it resumes on the next start). A runner that refuses the folder
 * before it starts leaves an existing folder's manifest alone, so a mistaken {@code --out} never
 * damages the run already there. Failures to write are kept in {@link #writeError()}, never thrown
 * into the runner.
 */
public final class ManifestWriter implements RunObserver {
    private final Path folder;
    private final boolean removeIfUnused;
    private volatile RunManifest manifest;
    private volatile boolean started;
    private volatile boolean interrupted;
    private volatile String writeError;

    private ManifestWriter(Path folder, RunManifest manifest, boolean removeIfUnused) {
        this.folder = folder;
        this.manifest = manifest;
        this.removeIfUnused = removeIfUnused;
    }

    /**
     * A new run into {@code folder}.
     *
     * @param removeIfUnused delete {@code folder} if the runner fails before it starts and the folder
     *                       is still empty (a fresh store folder of the command line: a missing data
     *                       set leaves no empty run behind)
     */
    public static ManifestWriter fresh(Path folder, RunManifest manifest, boolean removeIfUnused) {
        return new ManifestWriter(folder, manifest, removeIfUnused);
    }

    /**
     * A run continued in {@code folder} (epoch runs from their checkpoints, toy runs restarted):
     * the folder's manifest with one more resumption, or, for a folder without a readable one (made
     * before the store), a manifest made from the preset. The temporary files a killed process
     * left in the folder are removed first ({@link RunStore#removeStaleTemporaries}).
     */
    public static ManifestWriter resuming(Path folder, Preset preset, String presetSource, List<String> overrides,
                                          int seeds, String source) {
        RunStore.removeStaleTemporaries(folder);
        RunManifest m;
        try {
            RunManifest old = RunManifest.read(folder);
            m = old.preset() == null ? null : old.resumed();
        } catch (IOException e) {
            m = null;
        }
        if (m == null) {
            m = RunManifest.begin(preset, presetSource, overrides, seeds, source);
            m = new RunManifest(m.seeds(), m.preset(), m.title(), m.kind(), m.presetSource(), m.overrides(),
                    m.engineVersion(), m.source(), m.created(), m.updated(), m.status(), null, m.pid(), 1, null);
        }
        return new ManifestWriter(folder, m, false);
    }

    /** Writes the manifest now (status {@code running}): for folders the caller owns, before the runner is made. */
    public void begin() throws IOException {
        started = true;
        AtomicFiles.writeString(folder.resolve(RunManifest.FILE), padded(manifest));
    }

    /** The manifest's text, with {@link #RESERVE} spaces after it while it says running. */
    private static String padded(RunManifest m) {
        String text = m.toJson();
        return m.status() == RunStatus.RUNNING ? text + " ".repeat(RESERVE) + "\n" : text;
    }

    /** Tags the manifest with the queue item that runs it (before {@link #begin()}). */
    public void setQueueItem(String id) {
        manifest = manifest.withQueueItem(id);
    }

    /** The run is being stopped by a close, not by the user: its status becomes {@code interrupted}. */
    public void markInterrupted() {
        interrupted = true;
    }

    public RunManifest manifest() {
        return manifest;
    }

    /** The last failure to write the manifest (a full disk), or null. */
    public String writeError() {
        return writeError;
    }

    @Override
    public void started() {
        started = true;
        write(manifest.withStatus(RunStatus.RUNNING, null));
    }

    @Override
    public void finished(RunSummary summary) {
        if (interrupted) {
            write(manifest.withStatus(RunStatus.INTERRUPTED, "stopped when the workbench closed; "
                    + "it continues from its last checkpoint on the next start"));
        } else {
            write(manifest.withStatus(RunManifest.statusOf(summary), RunManifest.reasonOf(summary)));
        }
    }

    @Override
    public void failed(Throwable error) {
        if (started) {
            write(manifest.withStatus(RunStatus.FAILED, describe(error)));
        } else if (removeIfUnused) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException ignored) {
                // something was written: keep it
            } catch (IOException e) {
                writeError = e.toString();
            }
        }
    }

    /** Marks the run failed with {@code reason} (for failures outside the runner, e.g. a preset that no longer loads). */
    public void fail(String reason) {
        write(manifest.withStatus(RunStatus.FAILED, reason));
    }

    /** One line for a user: the message of an expected failure, in words otherwise (never a class name or a trace). */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            e = u.getCause();
        }
        if (e instanceof org.addernet.presets.PresetException && e.getMessage() != null) {
            return e.getMessage();
        }
        return IoText.describe(e);
    }

    /**
     * Room kept at the end of a running run's manifest (spaces, which JSON ignores), so that on a
     * disk too full for a new file the manifest can still be rewritten in place to say how the run
     * ended ({@link AtomicFiles#overwriteInPlace}).
     */
    static final int RESERVE = 1024;

    private void write(RunManifest m) {
        manifest = m;
        try {
            AtomicFiles.writeString(folder.resolve(RunManifest.FILE), padded(m));
        } catch (WriteFailedException e) {
            // a full disk: say how it ended in the room the running manifest kept
            if (!writeInPlace(m)) {
                writeError = e.getMessage();
            }
        } catch (RuntimeException e) {
            writeError = "cannot write " + folder.resolve(RunManifest.FILE) + ": " + IoText.describe(e);
        }
    }

    /** {@code m} over the manifest in place, its reason shortened to fit; whether it was written. */
    private boolean writeInPlace(RunManifest m) {
        Path file = folder.resolve(RunManifest.FILE);
        try {
            long room = Files.size(file);
            RunManifest fit = m;
            byte[] bytes = fit.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length > room && m.reason() != null) {
                int cut = Math.max(0, m.reason().length() - (int) (bytes.length - room) - 4);
                fit = m.withStatus(m.status(), m.reason().substring(0, cut) + "...");
                bytes = fit.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            AtomicFiles.overwriteInPlace(file, bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
