package org.addernet.app.runner;

import org.addernet.presets.Preset;
import org.addernet.presets.PresetValidator;

/**
 * The one place that chooses a preset's runner: a preset with a {@code sweep} section runs as a
 * {@link SweepRunner} (each variant with the runner its data set calls for), an image set as an
 * {@link EpochRunner}, a toy 2-D set as a {@link PresetRunner}. The command line, the queue, the
 * sweep runner and the windows all make their runners here.
 */
public final class Runners {
    /** The three shapes of a run. */
    public enum Kind {
        /** 2-D toy sets, every (seed, model, n) at once ({@link PresetRunner}). */
        TOY,
        /** Image sets, epoch by epoch with checkpoints ({@link EpochRunner}). */
        IMAGE,
        /** An ablation table: every variant in turn ({@link SweepRunner}). */
        SWEEP
    }

    private Runners() {
    }

    /** The kind of runner {@code preset} needs. */
    public static Kind kind(Preset preset) {
        if (preset.sweep() != null) {
            return Kind.SWEEP;
        }
        return PresetValidator.isImageSet(preset.data().set()) ? Kind.IMAGE : Kind.TOY;
    }

    /**
     * The runner of {@code request}, its preset loaded from it.
     *
     * @throws org.addernet.presets.PresetException the preset or a setting is wrong
     */
    public static Runner create(RunRequest request, RunLog log) {
        return create(request.loadPreset(), request, log);
    }

    /**
     * The runner of {@code request} for {@code preset}, which the caller has already loaded from
     * it ({@link RunRequest#loadPreset()}: the command line checks the preset before it makes a
     * folder) and which is the one run.
     */
    public static Runner create(Preset preset, RunRequest request, RunLog log) {
        RunLog l = log == null ? RunLog.NONE : log;
        return switch (kind(preset)) {
            case SWEEP -> new SweepRunner(preset, request, l);
            case IMAGE -> new EpochRunner(preset, request, l);
            case TOY -> new PresetRunner(preset, request, l);
        };
    }
}
