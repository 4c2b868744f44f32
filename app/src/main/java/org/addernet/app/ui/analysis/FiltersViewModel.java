package org.addernet.app.ui.analysis;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.addernet.app.render.FilterFigure;
import org.addernet.app.lab.TrainedRuns;
import org.addernet.app.ui.vm.Activity;
import org.addernet.app.ui.vm.UiExecutor;

/**
 * Fig. 5's state and commands: the filters of a trained convolution layer ({@link #layer}, the
 * first by default) of every run of a run folder, drawn as one image, one row per run. Changing
 * the layer redraws the folder opened last.
 */
final class FiltersViewModel {
    /** The weight layer to draw, from 1. */
    final IntegerProperty layer = new SimpleIntegerProperty(1);
    private final ReadOnlyObjectWrapper<BufferedImage> figure = new ReadOnlyObjectWrapper<>();
    private final Activity work;
    private Path dir;

    FiltersViewModel(UiExecutor executor) {
        work = new Activity(executor);
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

    /** Draws the chosen layer's filters of every run under {@code folder}, off the FX thread. */
    void open(Path folder) {
        dir = folder;
        int k = layer.get();
        work.run("Reading the checkpoints of " + folder, () -> {
            List<FilterFigure.Row> rows = new ArrayList<>();
            try {
                for (TrainedRuns.Trained t : TrainedRuns.load(folder)) {
                    rows.add(t.filterRow(k));
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage().replace("--layer", "weight layer"), e);
            }
            return FilterFigure.render(rows, k);
        }, figure::set);
    }
}
