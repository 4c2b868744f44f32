package org.addernet.app.ui.analysis;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.addernet.app.lab.FeatureScatter;
import org.addernet.app.lab.FeatureStats;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.UiExecutor;
import org.addernet.engine.model.FeatureProbe;

/**
 * Fig. 1's state and commands: the 2-D features of a trained LeNet++ (a run folder of
 * {@code fig1-features-*}) on the first {@link #limit} test images, scattered by class, and the
 * numbers behind the picture (nearest class mean by L1 / L2 distance against nearest by angle).
 */
final class FeaturesViewModel {
    /** Test images to extract features of. */
    final IntegerProperty limit = new SimpleIntegerProperty(2000);
    private final ReadOnlyObjectWrapper<BufferedImage> figure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeatureScatter.Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper numbers = new ReadOnlyStringWrapper("");
    private final Activity work;
    private Path dataRoot;

    private final java.util.function.Supplier<org.addernet.app.store.RunStore> store;
    private Path dir;
    private final NewestRun newest;

    FeaturesViewModel(UiExecutor executor) {
        this(executor, org.addernet.app.store.RunStore::atDefaultHome);
    }

    /** @param store the run store whose newest Fig. 1 run {@link #openNewest} shows */
    FeaturesViewModel(UiExecutor executor, java.util.function.Supplier<org.addernet.app.store.RunStore> store) {
        this.store = store;
        work = new Activity(executor);
        newest = new NewestRun(executor, work, this::open);
        work.say("Open a run folder of fig1-features-fashion-mnist (or -mnist) to scatter its features.", false);
    }

    Activity work() {
        return work;
    }

    void setDataRoot(Path root) {
        dataRoot = root;
    }

    /** The scatter drawn last (null before a folder is opened). */
    ReadOnlyObjectProperty<BufferedImage> figure() {
        return figure.getReadOnlyProperty();
    }

    /** The features read last. */
    ReadOnlyObjectProperty<FeatureScatter.Loaded> loaded() {
        return loaded.getReadOnlyProperty();
    }

    /** A table, one line per run: accuracy and the three nearest-neighbour rules. */
    ReadOnlyStringProperty numbers() {
        return numbers.getReadOnlyProperty();
    }

    private record Shown(Path folder, FeatureScatter.Loaded loaded, BufferedImage figure) {
    }

    /** The folder shown, or null. */
    Path folder() {
        return dir;
    }

    /** Shows the newest Fig. 1 run of the run store before a folder is chosen, or says where none was found. */
    void openNewest() {
        if (dir == null) {
            org.addernet.app.store.RunStore s = store.get();
            newest.find(s, RunFolders::featuresRun, () -> dir != null, "No fig1-features run in " + s.runsDir()
                    + " yet: ./workbench run fig1-features-fashion-mnist-short (a few minutes) and it shows here, or "
                    + "open a run folder.");
        }
    }

    private static Shown read(Path dir, Path root, int n) throws java.io.IOException {
        FeatureScatter.Loaded l = FeatureScatter.fromRun(dir, root, n);
        return new Shown(dir, l, FeatureScatter.render(l.features(), FeatureScatter.classNames(l.set()),
                "2-D features of LeNet++ on " + l.set().id() + " (" + n + " test images)"));
    }

    /** Features of the runs in {@code dir} on the first test images, off the FX thread. */
    void open(Path dir) {
        if (newest.deferred(dir)) {
            return;
        }
        this.dir = dir;
        int n = limit.get();
        Path root = dataRoot;
        work.run("Reading " + dir + " and " + n + " test images", () -> read(dir, root, n), r -> {
            shown(r);
            newest.shown(dir);
        });
    }

    private void shown(Shown r) {
        {
            dir = r.folder();
            loaded.set(r.loaded());
            figure.set(r.figure());
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %9s %13s %13s %13s%n", "run",
                    "accuracy", "nearest L1", "nearest L2", "nearest angle"));
            for (FeatureProbe.Features f : r.loaded().features()) {
                FeatureStats.Separation s = FeatureStats.separation(f);
                sb.append(String.format(Locale.ROOT, "%-24s %8.1f%% %12.1f%% %12.1f%% %12.1f%%%n", f.label(),
                        100 * s.accuracy(), 100 * s.nearestMeanL1(), 100 * s.nearestMeanL2(), 100 * s.nearestAngle()));
            }
            numbers.set(sb.toString().stripTrailing());
        }
    }
}
