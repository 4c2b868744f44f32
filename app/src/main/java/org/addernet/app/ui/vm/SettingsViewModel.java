package org.addernet.app.ui.vm;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.addernet.presets.Preset;
import org.addernet.presets.PresetException;
import org.addernet.presets.PresetValidator;

/**
 * Every setting of the window's left panel as a property, and the conversion to and from a
 * {@link Preset} (the window's settings are a preset: "save settings" writes one, "open" reads
 * one). Structural settings need a reset to apply; the learning rate applies live.
 */
public final class SettingsViewModel {
    // data
    public final StringProperty dataSet = new SimpleStringProperty("unit-ball");
    public final IntegerProperty samples = new SimpleIntegerProperty(2000);
    public final DoubleProperty spread = new SimpleDoubleProperty(10);
    public final DoubleProperty labelNoise = new SimpleDoubleProperty(0);
    public final DoubleProperty testFraction = new SimpleDoubleProperty(0.2);
    public final IntegerProperty seed = new SimpleIntegerProperty(1);
    // model
    public final ObjectProperty<ModelMode> mode = new SimpleObjectProperty<>(ModelMode.BOTH);
    public final IntegerProperty hidden = new SimpleIntegerProperty(3);
    public final IntegerProperty depth = new SimpleIntegerProperty(2);
    public final StringProperty activation = new SimpleStringProperty("relu");
    public final BooleanProperty mlpBatchNorm = new SimpleBooleanProperty(false);
    // training
    public final DoubleProperty lr = new SimpleDoubleProperty(0.1);
    public final StringProperty schedule = new SimpleStringProperty("cosine");
    public final DoubleProperty momentum = new SimpleDoubleProperty(0.9);
    public final BooleanProperty nesterov = new SimpleBooleanProperty(true);
    public final DoubleProperty weightDecay = new SimpleDoubleProperty(5e-4);
    public final IntegerProperty batchSize = new SimpleIntegerProperty(128);
    public final IntegerProperty iterations = new SimpleIntegerProperty(10000);
    // AdderNet
    public final BooleanProperty pDecay = new SimpleBooleanProperty(false);
    public final DoubleProperty pFixed = new SimpleDoubleProperty(1);
    public final DoubleProperty pDecayShare = new SimpleDoubleProperty(0.5);
    public final StringProperty filterGradient = new SimpleStringProperty("full-precision");
    public final StringProperty inputGradient = new SimpleStringProperty("auto");
    public final DoubleProperty eta = new SimpleDoubleProperty(0.2);

    /**
     * Most points the window trains on: it evaluates every point at every snapshot and keeps them in
     * memory twice; {@code ./workbench run} takes up to {@link PresetValidator#MAX_SAMPLES}.
     */
    public static final int MAX_WINDOW_SAMPLES = 1_000_000;

    /** The preset these settings came from (its name, text and any grid of hidden sizes). */
    private Preset base;
    /** A data seed fixed by the preset (null: the data follow the seed); Regenerate clears it. */
    private Long dataSeed;
    private final List<NumberInput> inputs;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public SettingsViewModel(Preset base) {
        apply(base);
        inputs = List.of(
                NumberInput.whole("Samples", "data.samples", samples, 10, MAX_WINDOW_SAMPLES,
                        "the window evaluates every point at each snapshot; ./workbench run takes up to 10,000,000"),
                NumberInput.real("Spread", "data.spread", spread, 0, true, 1e6, false, null),
                NumberInput.real("Label noise", "data.labelNoise", labelNoise, 0, false, 0.5, false,
                        "above 0.5 the labels would mostly be flipped"),
                NumberInput.real("Test share", "data.testFraction", testFraction, 0, true, 1, true, null),
                NumberInput.whole("Seed", "seed", seed, Integer.MIN_VALUE, Integer.MAX_VALUE, null),
                NumberInput.whole("Hidden n", "runs.hidden[0]", hidden, 1, PresetValidator.MAX_HIDDEN, null),
                NumberInput.whole("Depth", "model.depth", depth, PresetValidator.MIN_DEPTH, PresetValidator.MAX_DEPTH, null),
                NumberInput.real("Learning rate", "training.lr", lr, 0, true, 100, false,
                        "larger rates only diverge"),
                NumberInput.real("Momentum", "training.momentum", momentum, 0, false, 1, true, null),
                NumberInput.real("Weight decay", "training.weightDecay", weightDecay, 0, false, 1, false, null),
                NumberInput.whole("Batch size", "training.batchSize", batchSize, 2, PresetValidator.MAX_BATCH,
                        "batch norm needs 2"),
                NumberInput.whole("Iterations", "training.iterations", iterations, 1, PresetValidator.MAX_ITERATIONS,
                        null),
                NumberInput.real("Decay share", "adder.pDecayShare", pDecayShare, 0, true, 1, false, null),
                NumberInput.real("Fixed p", "adder.pEnd", pFixed, 1, false, 2, false, "eq. 26: 1 <= p <= 2"),
                NumberInput.real("Adaptive eta", "adder.eta", eta, 0, false, 100, false, "the paper uses 0.1 to 0.2"));
        for (NumberInput in : inputs) {
            in.error().addListener((o, a, b) -> updateProblem());
        }
    }

    /** Every numeric setting's input, in the order of the settings panel. */
    public List<NumberInput> inputs() {
        return inputs;
    }

    /** The input of the preset key {@code path} ({@code data.samples}, ...), or null. */
    public NumberInput input(String path) {
        for (NumberInput in : inputs) {
            if (in.path().equals(path)) {
                return in;
            }
        }
        return null;
    }

    /** The first invalid input as {@code "Samples: 'abc' is not a number"}; empty when all are valid. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    private void updateProblem() {
        for (NumberInput in : inputs) {
            if (!in.isValid()) {
                problem.set(in.name() + ": " + in.error().get());
                return;
            }
        }
        problem.set("");
    }

    /** Every property whose change needs a reset (all but the learning rate). */
    public List<ObservableValue<?>> structural() {
        return List.of(dataSet, samples, spread, labelNoise, testFraction, seed, mode, hidden, depth, activation,
                mlpBatchNorm, schedule, momentum, nesterov, weightDecay, batchSize, iterations, pDecay, pFixed,
                pDecayShare, filterGradient, inputGradient, eta);
    }

    public Preset base() {
        return base;
    }

    /** Sets every property from {@code p} (hidden: its first size). */
    public void apply(Preset p) {
        base = p;
        dataSeed = p.data().seed();
        dataSet.set(p.data().set());
        samples.set(p.data().samples());
        spread.set(p.data().spread() != null ? p.data().spread()
                : org.addernet.datasets.toy.ToySet.fromId(p.data().set()).defaultSpread());
        labelNoise.set(p.data().labelNoise());
        testFraction.set(p.data().testFraction());
        seed.set((int) p.seed());
        mode.set(ModelMode.of(p.runs().models()));
        hidden.set(p.runs().hidden().get(0));
        depth.set(p.model().depth());
        activation.set(p.model().activation());
        mlpBatchNorm.set(p.model().mlpBatchNorm());
        lr.set(p.training().lr());
        schedule.set(p.training().schedule());
        momentum.set(p.training().momentum());
        nesterov.set(p.training().nesterov());
        weightDecay.set(p.training().weightDecay());
        batchSize.set(p.training().batchSize());
        iterations.set((int) Math.min(Integer.MAX_VALUE, p.training().iterations()));
        pDecay.set(p.adder().pDecayShare() > 0 && p.adder().pStart() != p.adder().pEnd());
        pFixed.set(pDecay.get() ? 1.0 : p.adder().pEnd());
        pDecayShare.set(pDecay.get() ? p.adder().pDecayShare() : 0.5);
        filterGradient.set(p.adder().filterGradient());
        inputGradient.set(p.adder().inputGradient());
        eta.set(p.adder().eta());
    }

    /** Lets the data follow the seed again (Regenerate draws a new sample even if the preset fixed one). */
    public void releaseDataSeed() {
        dataSeed = null;
    }

    /** The decay's ends: the preset's own when it decays, else the paper's 2 to 1. */
    private static double decayStart(Preset b) {
        return b.adder().pDecayShare() > 0 && b.adder().pStart() != b.adder().pEnd() ? b.adder().pStart() : 2.0;
    }

    private static double decayEnd(Preset b) {
        return b.adder().pDecayShare() > 0 && b.adder().pStart() != b.adder().pEnd() ? b.adder().pEnd() : 1.0;
    }

    /**
     * The current settings as a validated preset. {@code hiddenSizes} null keeps one size (the
     * hidden property); a list (the figure presets' grid) keeps that grid.
     */
    public Preset toPreset(List<Integer> hiddenSizes) {
        Preset b = base;
        Preset.Data data = new Preset.Data(dataSet.get(), samples.get(), spread.get(), labelNoise.get(),
                testFraction.get(), dataSeed);
        Preset.Model model = new Preset.Model(depth.get(), activation.get(), mlpBatchNorm.get());
        Preset.Training t = new Preset.Training(iterations.get(), batchSize.get(), lr.get(), schedule.get(),
                b.training().power(), b.training().stepEvery(), b.training().stepGamma(), momentum.get(), nesterov.get(),
                weightDecay.get(), b.training().logEvery(), null);
        Preset.Adder a = pDecay.get()
                ? new Preset.Adder(decayStart(b), decayEnd(b), pDecayShare.get(), filterGradient.get(),
                        inputGradient.get(), eta.get())
                : new Preset.Adder(pFixed.get(), pFixed.get(), 0.0, filterGradient.get(), inputGradient.get(), eta.get());
        List<Integer> hs = hiddenSizes != null ? hiddenSizes : List.of(hidden.get());
        Preset.Runs runs = new Preset.Runs(new ArrayList<>(mode.get().models()), hs);
        Preset p = new Preset(b.name(), b.title(), b.description(), b.reproduces(), seed.get(), data, model, t, a, runs,
                b.output());
        for (NumberInput in : inputs) {
            in.revalidate();
        }
        if (!problem.get().isEmpty()) {
            throw new PresetException(problem.get());
        }
        List<PresetValidator.Problem> problems = PresetValidator.validate(p);
        if (!problems.isEmpty()) {
            PresetValidator.Problem first = problems.get(0);
            NumberInput in = input(hiddenSizes == null ? first.path().replaceFirst("^runs\\.hidden\\[\\d+]$", "runs.hidden[0]")
                    : first.path());
            if (in == null && first.path().equals("adder.pStart")) {
                in = input("adder.pEnd");
            }
            if (in != null) {
                in.reject(first.message());
                throw new PresetException(in.name() + ": " + first.message());
            }
            throw new PresetException(first.path() + ": " + first.message());
        }
        return p;
    }
}
