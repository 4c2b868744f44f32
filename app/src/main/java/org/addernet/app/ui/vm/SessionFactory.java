package org.addernet.app.ui.vm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.runner.MetricsCsv;
import org.addernet.app.runner.PresetRunner;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.app.ui.session.TrainingSession;
import org.addernet.datasets.toy.ToyData;
import org.addernet.datasets.toy.ToySets;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.train.TrainConfig;
import org.addernet.presets.ExperimentPlan;
import org.addernet.presets.Preset;
import org.addernet.presets.RunSpec;

/**
 * Makes the window's settings into a training session (not started): the models of the preset's
 * plan, its data set generated, the points the panels draw. Pure work, run on the FX thread for a
 * small sample and off it for a large one ({@link WorkbenchViewModel#LARGE_SAMPLE}). Also writes a
 * session's metrics out (Export metrics).
 */
final class SessionFactory {
    /**
     * Snapshot interval while training. Ten frames a second keep the boundaries fluid while the
     * renderer (Java2D, thousands of anti-aliased points per panel) leaves CPU time to the trainer
     * and the FX thread on a 2-core machine.
     */
    static final long PUBLISH_MILLIS = 100;

    /**
     * Steps per second per model when a preset sets no {@code output.demoSpeed}: a 10,000-step demo
     * takes 40 s, long enough to watch and talk over (full speed is over in a few seconds).
     */
    public static final double DEFAULT_SPEED = 250;

    /** The speed the window trains {@code p} at: its {@code output.demoSpeed}, else {@link #DEFAULT_SPEED}. */
    static double demoSpeed(Preset p) {
        Double d = p.output().demoSpeed();
        return d == null ? DEFAULT_SPEED : d;
    }

    /** The settings made into a session, with what the window shows of them. */
    record Prepared(Preset preset, List<Integer> grid, TrainingSession session, DrawnPoints drawn,
                    List<ModelSpec> specs, long iterations) {
    }

    private SessionFactory() {
    }

    /** Each model's metrics history of {@code s} as CSV files {@code <base>-<model>-n<h>.csv} (none before the first snapshot). */
    static List<Path> exportMetrics(SessionSnapshot s, Path base) throws IOException {
        List<Path> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        String name = base.getFileName().toString().replaceFirst("\\.csv$", "");
        for (ModelSnapshot m : s.models()) {
            Path f = base.resolveSibling(name + "-" + m.spec().kind() + "-n" + m.spec().hidden() + ".csv");
            List<String> layers = m.last() == null ? List.of() : m.last().layerNames();
            AtomicFiles.writeString(f, MetricsCsv.format(layers, m.history()));
            out.add(f);
        }
        return out;
    }

    /** A session for {@code p} (the figure's {@code grid} of n, or empty), publishing to {@code sink}. */
    static Prepared prepare(Preset p, List<Integer> grid, Consumer<SessionSnapshot> sink) {
        List<RunSpec> runs = ExperimentPlan.runs(p, 1);
        List<ModelSpec> specs = runs.stream().map(RunSpec::model).toList();
        TrainConfig base = runs.get(0).training();
        int logEvery = (int) Math.max(1, base.iterations() / 500);
        TrainConfig cfg = new TrainConfig(base.iterations(), base.batchSize(), base.schedule(), base.momentum(),
                base.nesterov(), base.weightDecay(), base.pSchedule(), logEvery);
        ToyData data = ToySets.generate(runs.get(0).data());
        TrainingSession next = new TrainingSession(specs, cfg, data, p.seed(), PresetRunner.plotExtent(data), 100, 40,
                PUBLISH_MILLIS, sink);
        return new Prepared(p, grid, next, DrawnPoints.of(data.train(), data.test()), specs, base.iterations());
    }
}
