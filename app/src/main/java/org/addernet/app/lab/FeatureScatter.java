package org.addernet.app.lab;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.addernet.app.figures.FeatureScatterFigure;
import org.addernet.datasets.image.DataRoots;
import org.addernet.datasets.image.ImagePipeline;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.FeatureProbe;
import org.addernet.engine.model.FeatureProbe.Features;
import org.addernet.engine.model.FeatureProbe.Window;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.Sequential;
import org.addernet.presets.Preset;

/**
 * The paper's Fig. 1 as the lab runs it: the 2-D features of a LeNet++ ({@link ImageModels#featureLayerIndex})
 * for test images, scattered by class, one panel per trained model. A CNN's classifier takes inner
 * products {@code w_j . f + b_j}, so its features fan out from the origin in angular sectors; an
 * AdderNet's adder classifier takes {@code -||f - W_j||_1}, so its features gather around class
 * centres {@code W_j}.
 *
 * <p>The parts: the engine's {@link FeatureProbe} takes the features; {@link FeatureStats}
 * measures them and picks the plane shown; {@link FeatureScatterFigure} draws them. Here:
 * {@link #extract} (or {@link #fromRun} for a run folder of {@code workbench run}) gives a
 * {@link Features} per model with its view, {@link #render} the figure with each panel's numbers.
 */
public final class FeatureScatter {
    /** Fashion-MNIST's class names (Zalando's labels 0-9). */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Cells per side of the classifier's regions behind a panel. */
    private static final int REGION_RESOLUTION = 260;

    private FeatureScatter() {
    }

    /** Names of the classes of {@code set}: Fashion-MNIST's clothes, digits for MNIST, numbers otherwise. */
    public static List<String> classNames(ImageSet set) {
        if (set == ImageSet.FASHION_MNIST) {
            return FASHION_MNIST_CLASSES;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < set.numClasses(); c++) {
            out.add((set == ImageSet.MNIST ? "digit " : "class ") + c);
        }
        return out;
    }

    /**
     * The features of the first {@code limit} images of {@code images} (one image of
     * {@code sampleShape}, {C, H, W}, per row) through {@code net}, a LeNet++ of the zoo named
     * {@code model} ({@link FeatureProbe#extract}), with the plane shown ({@link FeatureStats#window})
     * and the classifier's regions over it. It must not run while the same network trains.
     */
    public static Features extract(String label, String model, Sequential net, DataSet images, int[] sampleShape,
                                   int limit) {
        Features f = FeatureProbe.extract(label, model, net, images, sampleShape, limit);
        Window w = FeatureStats.window(f);
        return f.withView(w, FeatureProbe.regions(model, net, w, REGION_RESOLUTION), REGION_RESOLUTION);
    }

    /**
     * The features of every trained LeNet++ run in a run folder of {@code workbench run}: the first
     * {@code limit} test images of the preset's set (found as {@code workbench run} finds it, with
     * {@code dataRoot} first when not null), standardised as in training.
     *
     * @throws IOException              not a run folder, no trained run, the data missing or damaged
     * @throws IllegalArgumentException a run whose model has no 2-D feature layer
     */
    public static Loaded fromRun(Path runDir, Path dataRoot, int limit) throws IOException {
        Preset p = TrainedRuns.preset(runDir);
        List<TrainedRuns.Trained> runs = TrainedRuns.load(runDir);
        for (TrainedRuns.Trained t : runs) {
            if (!ImageModels.hasFeatureLayer(t.model())) {
                throw new IllegalArgumentException(runDir + ": run " + t.id() + " trains " + t.model()
                        + ", which has no 2-D feature layer; expected a run of lenetpp-cnn or lenetpp-adder "
                        + "(preset fig1-features-fashion-mnist)");
            }
        }
        ImageSet set = ImageSet.of(p.data().set());
        DataRoots.Location where = DataRoots.locate(set.id(), dataRoot, org.addernet.app.io.WorkbenchEnv.env(),
                org.addernet.app.io.WorkbenchEnv.userHome());
        ImagePipeline.Prepared data = ImagePipeline.load(set, where.folder(), 1, limit,
                org.addernet.presets.ExperimentPlan.normalization(p));
        List<Features> out = new ArrayList<>();
        for (TrainedRuns.Trained t : runs) {
            out.add(extract(t.id(), t.model(), t.net(), data.test(), data.sampleShape(), limit));
        }
        return new Loaded(p, set, out, where.notes());
    }

    /**
     * What {@link #fromRun} found: the run folder's preset, its image set, one {@link Features} per
     * run, and the data roots passed over on the way to the set (to be shown: no silent fallback).
     */
    public record Loaded(Preset preset, ImageSet set, List<Features> features, List<String> notes) {
        public Loaded {
            features = List.copyOf(features);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The figure ({@link FeatureScatterFigure}): {@code title} over one panel per model, each with
     * its accuracy and {@link FeatureStats.Separation} under it, and a legend of {@code classNames}.
     */
    public static BufferedImage render(List<Features> panels, List<String> classNames, String title) {
        List<FeatureScatterFigure.Panel> drawn = new ArrayList<>();
        for (Features f : panels) {
            FeatureStats.Separation s = FeatureStats.separation(f);
            drawn.add(new FeatureScatterFigure.Panel(f, List.of(
                    String.format(Locale.ROOT, "%,d test images, the network's accuracy %.1f %%", f.size(),
                            100 * s.accuracy()),
                    String.format(Locale.ROOT, "nearest class mean is the true class: l1 %.1f %%, l2 %.1f %%",
                            100 * s.nearestMeanL1(), 100 * s.nearestMeanL2()),
                    String.format(Locale.ROOT, "nearest class mean by angle (about the origin): %.1f %%",
                            100 * s.nearestAngle()),
                    String.format(Locale.ROOT, "within-class spread along the ray through the mean: %.0f %%",
                            100 * s.radialShare()))));
        }
        return FeatureScatterFigure.render(drawn, classNames, title);
    }
}
