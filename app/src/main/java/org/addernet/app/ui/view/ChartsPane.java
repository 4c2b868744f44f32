package org.addernet.app.ui.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.addernet.app.figures.ChartExport;
import org.addernet.app.figures.GradientNormChart;
import org.addernet.app.figures.LossAccuracyChart;
import org.addernet.app.figures.ModelCurves;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.ui.charts.ChartNode;
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

    private final java.util.function.Supplier<Frame> latestFrame;

    ChartsPane(WorkbenchViewModel vm) {
        this.latestFrame = () -> vm.frame().get();
        // live charts draw without anti-aliasing (several times cheaper in JavaFX's software
        // pipeline); exports switch it back on
        for (var c : List.of(loss.chart(), norms.chart(), weights.chart())) {
            c.setAntiAlias(false);
        }
        this.state = vm.curves;
        // the tab says what a chart is: in the window the titles give their room to the plots, and the
        // legends stand beside them (a 1024 x 700 window leaves the charts about 250 px of height)
        for (var c : List.of(loss.chart(), norms.chart(), weights.chart())) {
            c.getTitle().setVisible(false);
        }
        for (var c : List.of(loss.chart(), norms.chart())) {
            c.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        }
        Runnable redraw = () -> apply();
        Tab t1 = new Tab("Loss & accuracy", new ChartNode(loss.chart()).interactive(state, "iteration", null));
        t1.setId("tab-loss");
        Tab t2 = new Tab("Gradient norms", new ChartNode(norms.chart()).interactive(state, "iteration", null));
        t2.setId("tab-norms");
        Tab t3 = new Tab("Weight histograms", weights.node());
        t3.setId("tab-weights");
        tabs = new TabPane(t1, t2, t3);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(200);
        javafx.scene.layout.HBox bar = org.addernet.app.ui.charts.SmoothingBar.build(vm.smoothing, "smoothing");
        bar.disableProperty().bind(tabs.getSelectionModel().selectedIndexProperty().isEqualTo(2));
        // the smoothing slider sits in the tab row, right of the tabs
        bar.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.setPickOnBounds(false);
        root = new javafx.scene.layout.StackPane(tabs, bar);
        javafx.scene.layout.StackPane.setAlignment(bar, javafx.geometry.Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(bar, new javafx.geometry.Insets(1, 4, 0, 0));
        root.setMinHeight(0);
        vm.smoothing.addListener((o, a, b) -> redraw.run());
        // charts redraw in software and cost far more than the images: the latest frame is applied
        // to the visible chart only, at most four times a second (and at once on a tab switch)
        vm.frame().addListener((o, a, f) -> pending = f);
        javafx.animation.Timeline tick = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.millis(250), e -> flush()));
        tick.setCycleCount(javafx.animation.Animation.INDEFINITE);
        tick.play();
        // stop ticking with the window (a closed window's charts must not stay alive)
        tabs.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, a2, w) -> {
                    if (w != null) {
                        w.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> tick.stop());
                    }
                });
            }
        });
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            pending = vm.frame().get();
            flush();
        });
    }

    private Frame pending;
    private final org.addernet.app.figures.CurveState state;
    private final javafx.scene.layout.StackPane root;

    /** Brings the curve charts to the reader's hidden entries and smoothing. */
    private void apply() {
        org.addernet.app.figures.Curves.apply(loss.chart(), state);
        org.addernet.app.figures.Curves.apply(norms.chart(), state);
    }

    private void flush() {
        Frame f = pending;
        pending = null;
        long t0 = System.nanoTime();
        show(f);
        if (Boolean.getBoolean("workbench.debugTiming")) {
            System.err.printf("charts update %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
    }

    javafx.scene.layout.Region node() {
        return root;
    }

    private void show(Frame f) {
        if (f == null) {
            return;
        }
        List<ModelCurves> curves = new ArrayList<>();
        List<ModelWeights> w = new ArrayList<>();
        for (ModelSnapshot m : f.snapshot().models()) {
            curves.add(new ModelCurves(m.label(), m.history()));
            ModelWeights mw = new ModelWeights(m.label(), m.layerWeights());
            if ("adder".equals(m.spec().kind())) {
                w.add(0, mw);          // the AdderNet's first layer is the histogram shown first
            } else {
                w.add(mw);
            }
        }
        switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> once(norms.chart(), () -> {
                norms.update(curves);
                org.addernet.app.figures.Curves.apply(norms.chart(), state);
            });
            case 2 -> once(weights.chart(), () -> weights.update(w));
            default -> once(loss.chart(), () -> {
                loss.update(curves);
                org.addernet.app.figures.Curves.apply(loss.chart(), state);
            });
        }
    }

    /**
     * Runs {@code change} with the chart's notifications off, then redraws it once: every
     * {@code setNotify(true)} inside (the update's, the curve state's) would redraw the viewer's
     * canvas on the FX thread, each a whole chart.
     */
    private static void once(org.jfree.chart.JFreeChart chart, Runnable change) {
        chart.setNotify(false);
        try {
            change.run();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Brings every chart up to the latest frame (before an export). */
    void refreshAll(Frame f) {
        if (f == null) {
            return;
        }
        int keep = tabs.getSelectionModel().getSelectedIndex();
        for (int k = 0; k < 3; k++) {
            tabs.getSelectionModel().select(k);
            show(f);
        }
        tabs.getSelectionModel().select(keep);
    }

    /** Writes each chart next to {@code file}: {@code <name>-loss}, {@code -gradient-norms}, {@code -weights}. */
    List<Path> export(Path file, boolean svg) throws IOException {
        refreshAll(latestFrame.get());
        for (var c : List.of(loss.chart(), norms.chart(), weights.chart())) {
            c.setAntiAlias(true);
            c.getTitle().setVisible(true);
            c.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        }
        try {
            return write(file, svg);
        } finally {
            for (var c : List.of(loss.chart(), norms.chart(), weights.chart())) {
                c.setAntiAlias(false);
                c.getTitle().setVisible(false);
                if (c != weights.chart()) {
                    c.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
                }
            }
        }
    }

    private List<Path> write(Path file, boolean svg) throws IOException {
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
