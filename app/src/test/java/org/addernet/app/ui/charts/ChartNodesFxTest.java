package org.addernet.app.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.addernet.app.figures.GradientNormChart;
import org.addernet.app.figures.LossAccuracyChart;
import org.addernet.app.figures.ModelWeights;
import org.addernet.app.figures.Synthetic;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The JavaFX side: viewers and the histogram panel's combo box, on the FX thread (headless Monocle). */
class ChartNodesFxTest {
    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    @Test
    void curveChartsGiveOneViewerEach() throws Exception {
        LossAccuracyChart loss = new LossAccuracyChart();
        GradientNormChart grads = new GradientNormChart();
        ChartNode lossNode = new ChartNode(loss.chart());
        ChartNode gradsNode = new ChartNode(grads.chart());
        onFx(() -> {
            ChartViewer v = assertInstanceOf(ChartViewer.class, lossNode.node());
            assertSame(v, lossNode.node());
            assertSame(loss.chart(), v.getChart());
            assertSame(grads.chart(), ((ChartViewer) gradsNode.node()).getChart());
            new Scene(new VBox(lossNode.node(), gradsNode.node()), 800, 600);
            loss.update(Synthetic.twoModels(20, 10));
            grads.update(Synthetic.twoModels(20, 10));
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void comboBoxFollowsTheModelsAndDrivesTheSelection() throws Exception {
        WeightHistogramPanel p = new WeightHistogramPanel();
        ModelWeights adder = Synthetic.laplaceWeights("AdderNet n=3", 2000, 1);
        ModelWeights mlp = Synthetic.gaussianWeights("MLP n=3", 2000, 2);
        p.update(List.of(adder, mlp)); // before the node exists
        onFx(() -> {
            VBox root = assertInstanceOf(VBox.class, p.node());
            new Scene(root, 800, 600);
            ComboBox<String> combo = (ComboBox<String>) root.lookupAll(".combo-box").iterator().next();
            assertEquals(p.choices(), combo.getItems());
            assertEquals("AdderNet n=3 / layer1", combo.getValue());
            combo.getSelectionModel().select("MLP n=3 / layer2"); // as a user would
            assertEquals("MLP n=3 / layer2", p.selected());
            p.update(List.of(mlp)); // the selection survives
            assertEquals(List.of("MLP n=3 / layer1", "MLP n=3 / layer2"), combo.getItems());
            assertEquals("MLP n=3 / layer2", combo.getValue());
            Label stats = (Label) root.getChildren().get(root.getChildren().size() - 1);
            assertEquals(p.summary(), stats.getText());
            assertTrue(stats.getText().contains("Gaussian"));
            Node viewer = root.getChildren().get(1);
            assertSame(p.chart(), ((ChartViewer) viewer).getChart());
            return null;
        });
    }
}
