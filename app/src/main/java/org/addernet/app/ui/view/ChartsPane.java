package org.addernet.app.ui.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.addernet.app.ui.charts.ChartExport;
import org.addernet.app.ui.charts.GradientNormChart;
import org.addernet.app.ui.charts.LossAccuracyChart;
import org.addernet.app.ui.charts.ModelCurves;
import org.addernet.app.ui.charts.ModelWeights;
import org.addernet.app.ui.charts.WeightHistogramPanel;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.vm.Frame;
import org.addernet.app.ui.vm.WorkbenchViewModel;

/** The charts below the boundaries: loss and accuracy, gradient norms, weight histograms; all live. */
final class ChartsPane {
    private final LossAccuracyChart loss = new LossAccuracyChart();
    private final GradientNormChart norms = new GradientNormChart();
    private final WeightHistogramPanel weights = new WeightHistogramPanel();
    private final TabPane tabs;

    ChartsPane(WorkbenchViewModel vm) {
        Tab t1 = new Tab("Loss & accuracy", loss.node());
        t1.setId("tab-loss");
        Tab t2 = new Tab("Gradient norms", norms.node());
        t2.setId("tab-norms");
        Tab t3 = new Tab("Weight histograms", weights.node());
        t3.setId("tab-weights");
        tabs = new TabPane(t1, t2, t3);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(240);
        vm.frame().addListener((o, a, f) -> show(f));
    }

    TabPane node() {
        return tabs;
    }

    private void show(Frame f) {
        if (f == null) {
            return;
        }
        List<ModelCurves> curves = new ArrayList<>();
        List<ModelWeights> w = new ArrayList<>();
        for (ModelSnapshot m : f.snapshot().models()) {
            curves.add(new ModelCurves(m.label(), m.history()));
            w.add(new ModelWeights(m.label(), m.layerWeights()));
        }
        loss.update(curves);
        norms.update(curves);
        weights.update(w);
    }

    /** Writes each chart next to {@code file}: {@code <name>-loss}, {@code -gradient-norms}, {@code -weights}. */
    List<Path> export(Path file, boolean svg) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.(png|svg)$", "");
        String ext = svg ? ".svg" : ".png";
        List<Path> out = new ArrayList<>();
        Path a = file.resolveSibling(name + "-loss" + ext);
        Path b = file.resolveSibling(name + "-gradient-norms" + ext);
        Path c = file.resolveSibling(name + "-weights" + ext);
        if (svg) {
            ChartExport.svg(loss.chart(), a, 900, 500);
            ChartExport.svg(norms.chart(), b, 900, 500);
            ChartExport.svg(weights.chart(), c, 900, 500);
        } else {
            ChartExport.png(loss.chart(), a, 900, 500);
            ChartExport.png(norms.chart(), b, 900, 500);
            ChartExport.png(weights.chart(), c, 900, 500);
        }
        out.add(a);
        out.add(b);
        out.add(c);
        return out;
    }
}
