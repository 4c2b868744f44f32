package org.addernet.app.ui.charts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.addernet.app.figures.CurveState;
import org.addernet.app.figures.Curves;
import org.addernet.app.figures.LossAccuracyChart;
import org.addernet.app.figures.Synthetic;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A curve chart as a reader uses it in the window: a click on a legend entry hides its curves, hovering reads values. */
@ExtendWith(ApplicationExtension.class)
class CurveChartFxTest {
    private final LossAccuracyChart chart = new LossAccuracyChart();
    private final CurveState state = new CurveState();
    private final ChartNode node = new ChartNode(chart.chart());
    private int changes;

    @Start
    void start(Stage stage) {
        chart.update(Synthetic.twoModels(60, 10));
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(node.interactive(state, "iteration", () -> changes++)),
                800, 500));
        stage.show();
    }

    private ChartViewer viewer() {
        return node.node();
    }

    private LegendItemEntity legendEntry(String label) {
        for (Object o : viewer().getCanvas().getRenderingInfo().getEntityCollection().getEntities()) {
            if (o instanceof LegendItemEntity le && le.getSeriesKey() instanceof Curves.LegendGroup g
                    && g.label().equals(label)) {
                return le;
            }
        }
        return null;
    }

    private Point2D onScreen(ChartEntity e) {
        var b = e.getArea().getBounds2D();
        return viewer().getCanvas().localToScreen(b.getCenterX(), b.getCenterY());
    }

    @Test
    void clickingALegendEntryHidesItsCurvesAndClickingAgainShowsThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> legendEntry("MLP n=3") != null);
        LegendItemEntity mlp = legendEntry("MLP n=3");
        assertNotNull(mlp);
        robot.clickOn(onScreen(mlp));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(state.isHidden("MLP n=3"));
        assertTrue(changes > 0);
        XYPlot loss = (XYPlot) ((CombinedDomainXYPlot) chart.chart().getPlot()).getSubplots().get(0);
        assertFalse(loss.getRenderer().isSeriesVisible(1), "the MLP's loss is not drawn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> legendEntry("MLP n=3") != null);
        robot.clickOn(onScreen(legendEntry("MLP n=3")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(state.isHidden("MLP n=3"));
        assertTrue(loss.getRenderer().isSeriesVisible(1));
    }

    @Test
    void hoveringThePlotReadsEveryCurveAtThatIteration(FxRobot robot) throws Exception {
        var area = viewer().getCanvas().getRenderingInfo().getPlotInfo().getSubplotInfo(0).getDataArea();
        robot.moveTo(viewer().getCanvas().localToScreen(area.getCenterX(), area.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        String text = node.readoutText();
        assertTrue(text.startsWith("iteration "), text);
        assertTrue(text.contains("AdderNet n=3") && text.contains("MLP n=3"), text);
        assertTrue(text.contains("accuracy:") && text.contains("%"), text);
    }
}
