package org.addernet.app.ui.analysis;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.app.render.FilterFigure;
import org.addernet.app.store.RunStore;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.UiExecutor;

/**
 * Fig. 5's state and commands: the filters of a trained convolution layer ({@link #layer}, the
 * first by default) of every run of a run folder, drawn as one image, one row per run. Changing
 * the layer redraws the folder opened last. Before a folder is chosen, {@link #openNewest} shows
 * the run store's newest image run.
 */
final class FiltersViewModel {
    /** The weight layer to draw, from 1. */
    final IntegerProperty layer = new SimpleIntegerProperty(1);
    private final ReadOnlyObjectWrapper<BufferedImage> figure = new ReadOnlyObjectWrapper<>();
    private final Activity work;
    private final Supplier<RunStore> store;
    private final NewestRun newest;
    private Path dir;

    FiltersViewModel(UiExecutor executor) {
        this(executor, RunStore::atDefaultHome);
    }

    /** @param store the run store whose newest image run {@link #openNewest} shows */
    FiltersViewModel(UiExecutor executor, Supplier<RunStore> store) {
        this.store = store;
        work = new Activity(executor);
        newest = new NewestRun(executor, work, this::open);
        work.say("Open a run folder of an image preset (e.g. lenet5-bn-fashion-mnist-adder) to see its filters.", false);
        layer.addListener((o, a, b) -> {
            if (dir != null) {
                open(dir);
            }
        });
    }

    Activity work() {
        return work;
    }

    /** The filters drawn last (null before a folder is opened). */
    ReadOnlyObjectProperty<BufferedImage> figure() {
        return figure.getReadOnlyProperty();
    }

    /** The folder shown, or null. */
    Path folder() {
        return dir;
    }

    /**
     * Shows the newest image run of the run store when no folder is chosen yet (so that the tab is
     * not empty while there is something to show), or says where none was found.
     */
    void openNewest() {
        if (dir == null) {
            RunStore s = store.get();
            newest.find(s, RunFolders::imageRun, () -> dir != null, "No image run in " + s.runsDir() + " yet: train one "
                    + "in Run > Image runs (e.g. lenet5-bn-fashion-mnist-adder-short) and it shows here, or open a run folder.");
        }
    }

    /** Draws the chosen layer's filters of every run under {@code folder}, off the FX thread. */
    void open(Path folder) {
        if (newest.deferred(folder)) {
            return;
        }
        dir = folder;
        int k = layer.get();
        work.run("Reading the checkpoints of " + folder, () -> draw(folder, k), image -> {
            figure.set(image);
            newest.shown(folder);
        });
    }

    /** Layer {@code k}'s filters of every run under {@code folder}, one row each. */
    private static BufferedImage draw(Path folder, int k) throws IOException {
        List<FilterFigure.Row> rows = new ArrayList<>();
        try {
            for (TrainedRuns.Trained t : TrainedRuns.load(folder)) {
                rows.add(t.filterRow(k));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage().replace("--layer", "weight layer"), e);
        }
        return FilterFigure.render(rows, k);
    }
}
