package org.addernet.app.runner;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetLoader;

/**
 * What to run, as plain data: the same request gives the same numbers on any machine (runs are
 * deterministic in preset and seed), so it can be saved, queued, or shipped to another JVM (a
 * cluster task) as it is. Paths are kept as strings ({@link java.nio.file.Path} does not
 * serialise); nothing here refers to a stream, a thread or a window.
 *
 * @param preset     what was asked for: a bundled preset's name or a preset file's path (recorded
 *                   in the run's manifest; loaded when {@code presetJson} is null)
 * @param presetJson the merged preset as JSON text ({@link PresetLoader#toJson}), or null to load
 *                   {@code preset}; when set it is the preset run and {@code overrides} are not
 *                   applied again (they are in it already, kept here for the record)
 * @param overrides  {@code key.path=value} settings ({@code --set}), in order
 * @param seed       the first seed, or null for the preset's own {@code seed}; a run of one seed
 *                   of an N-seed request is {@code withSeed(s)} with {@code seeds} 1 (same run
 *                   ids, same numbers)
 * @param seeds      seeds per run: {@code seed}, {@code seed + 1}, ... ({@code --seeds})
 * @param out        the run folder ({@code --out}); {@code --resume DIR} continues in it
 * @param dataRoot   data root searched first for image sets ({@code --data}), or null for
 *                   {@code $ADDERNET_DATA} and {@code ~/.addernet/data}
 * @param resume     continue the run in {@code out}: epoch runs from their checkpoints, sweeps
 *                   from their completed variants ({@code --resume})
 * @param jobs       toy runs trained at once ({@code --jobs}); 0 for one per core. It never
 *                   changes a number, only how long the run takes
 * @param restart    with {@code resume}: an epoch run that started before but has no checkpoint
 *                   (it never finished an epoch, or the file was removed) trains again from epoch
 *                   1, and says so; without it such a folder is refused ({@code --restart}; the
 *                   queue continues its items with it)
 */
public record RunRequest(String preset, String presetJson, List<String> overrides, Long seed, int seeds, String out,
                         String dataRoot, boolean resume, int jobs, boolean restart) implements Serializable {
    private static final long serialVersionUID = 1L;

    public RunRequest {
        if (preset == null && presetJson == null) {
            throw new IllegalArgumentException("a run request needs a preset (name, path or JSON text)");
        }
        if (out == null) {
            throw new IllegalArgumentException("a run request needs an output folder");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A request without {@code restart} (the shape before it). */
    public RunRequest(String preset, String presetJson, List<String> overrides, Long seed, int seeds, String out,
                      String dataRoot, boolean resume, int jobs) {
        this(preset, presetJson, overrides, seed, seeds, out, dataRoot, resume, jobs, false);
    }

    /** {@code preset} (a bundled name or a file) with {@code overrides} and {@code seeds} seeds into {@code out}. */
    public static RunRequest of(String preset, List<String> overrides, int seeds, Path out) {
        return new RunRequest(preset, null, overrides, null, seeds, out.toString(), null, false, 0);
    }

    /**
     * A preset already loaded (and checked): it travels as its JSON text. {@code source} is what
     * was asked for (a bundled name or a path; null for the preset's name) and {@code overrides}
     * the settings already applied to it.
     */
    public static RunRequest of(Preset preset, String source, List<String> overrides, int seeds, Path out) {
        return new RunRequest(source == null ? preset.name() : source, PresetLoader.toJson(preset), overrides, null,
                seeds, out.toString(), null, false, 0);
    }

    public RunRequest withDataRoot(Path root) {
        return new RunRequest(preset, presetJson, overrides, seed, seeds, out, root == null ? null : root.toString(),
                resume, jobs, restart);
    }

    public RunRequest withResume(boolean on) {
        return new RunRequest(preset, presetJson, overrides, seed, seeds, out, dataRoot, on, jobs, restart);
    }

    /** With {@code resume}: runs without a checkpoint train again from epoch 1 ({@code --restart}). */
    public RunRequest withRestart(boolean on) {
        return new RunRequest(preset, presetJson, overrides, seed, seeds, out, dataRoot, resume, jobs, on);
    }

    /** {@code n} toy runs at once; 0 for one per core. */
    public RunRequest withJobs(int n) {
        return new RunRequest(preset, presetJson, overrides, seed, seeds, out, dataRoot, resume, n, restart);
    }

    public RunRequest withSeed(Long first) {
        return new RunRequest(preset, presetJson, overrides, first, seeds, out, dataRoot, resume, jobs, restart);
    }

    public RunRequest withOut(Path folder) {
        return new RunRequest(preset, presetJson, overrides, seed, seeds, folder.toString(), dataRoot, resume, jobs,
                restart);
    }

    /** {@link #out} as a path. */
    public Path outDir() {
        return Path.of(out);
    }

    /** {@link #dataRoot} as a path, or null. */
    public Path dataRootDir() {
        return dataRoot == null ? null : Path.of(dataRoot);
    }

    /** {@link #jobs}, with 0 read as the number of cores. */
    public int jobsOrCores() {
        return jobs == 0 ? Runtime.getRuntime().availableProcessors() : jobs;
    }

    /**
     * The preset this request runs: {@code presetJson} parsed, or {@code preset} resolved with
     * {@code overrides}; {@code seed}, when set, replaces the preset's seed.
     *
     * @throws org.addernet.presets.PresetException the preset or a setting is wrong (one line naming file and field)
     */
    public Preset loadPreset() {
        List<String> extra = new ArrayList<>();
        if (seed != null) {
            extra.add("seed=" + seed);
        }
        if (presetJson != null) {
            return PresetLoader.parse(preset == null ? "the request's preset" : preset, presetJson, extra);
        }
        List<String> all = new ArrayList<>(overrides);
        all.addAll(extra);
        return PresetLoader.resolve(preset, all);
    }
}
