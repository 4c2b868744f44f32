package org.addernet.app.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;

/**
 * Writes the workbench's figures for looking at by eye (not a test): a discretised panel with
 * hidden-unit centres (one beyond the plot), a difference map of two models, a strip of unit
 * thumbnails and one large unit field, into the folder given as the first argument (default
 * {@code /tmp/render-check2}).
 */
public final class WorkbenchSamples {
    private WorkbenchSamples() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/render-check2");
        DataSet train = Samples.unitBall(600, 15, 1);
        DataSet test = Samples.unitBall(200, 15, 2);
        int res = 100;
        double lo = -40;
        double hi = 40;
        // an AdderNet with 3 units: class 1 near any of three L1 centres, the third far outside
        float[][] w = {{-4, 3}, {5, -2}, {55, 20}};
        DecisionGrid adder = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid(
                (12 - Math.min(l1(x, y, w[0]), l1(x, y, w[1])) * 0.9) / 1.5));
        DecisionGrid mlp = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid(
                Math.min(Math.min(y + 9, 17 - 0.9 * x - 0.5 * y), 17 + 0.9 * x - 0.5 * y) / 2));

        var spec = new PanelSpec("AdderNet, n = 3", "train 0.987 / test 0.980", adder, train, test);
        var options = PlotOptions.defaults().withDiscretize(true).withCentres(w, "hidden-unit centres W\u1D62");
        Png.write(DecisionPlot.render(spec, 400, 400, options), dir.resolve("panel-discrete-centres.png"));
        Png.write(DecisionPlot.render(spec, 400, 400, PlotOptions.defaults().withCentres(w, "W\u1D62")),
                dir.resolve("panel-shaded-centres.png"));
        Png.write(DecisionPlot.render(spec, 220, 220, options), dir.resolve("panel-discrete-small.png"));

        Png.write(DifferencePlot.render("AdderNet vs MLP, n = 3", "P(class 1) difference at iteration 10,000",
                adder, mlp, 400, 440), dir.resolve("difference.png"));
        Png.write(DifferencePlot.render("AdderNet vs MLP", null, adder, mlp, 400, 400),
                dir.resolve("difference-square.png"));
        Png.write(DifferencePlot.render("Small", null, adder, mlp, 220, 240), dir.resolve("difference-small.png"));

        float[][] fields = new float[5][];
        for (int k = 0; k < 5; k++) {
            int unit = k;
            double cx = -25 + 12 * k;
            double cy = 15 - 8 * k;
            fields[k] = Samples.grid(res, lo, hi, (x, y) -> unit == 4 ? 0.3
                    : unit == 3 ? Math.max(0, 0.05 * x - 0.03 * y) // a ReLU unit of an MLP
                    : -(Math.abs(x - cx) + Math.abs(y - cy))).prob();
        }
        fields[2][0] = Float.NaN; // a NaN corner cell must not spoil the rest
        int thumb = 96;
        int gap = 8;
        var strip = new BufferedImage(5 * thumb + 6 * gap, thumb + 2 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, strip.getWidth(), strip.getHeight());
        for (int k = 0; k < 5; k++) {
            g.drawImage(UnitFieldPlot.thumbnail(fields[k], res, thumb), gap + k * (thumb + gap), gap, null);
        }
        g.dispose();
        Png.write(strip, dir.resolve("thumbnails.png"));
        Png.write(UnitFieldPlot.large("unit 2: \u2212\u2016x \u2212 W\u2082\u2016\u2081", fields[1], adder,
                new float[] {-13, 7}, 400), dir.resolve("unit-large.png"));
        Png.write(UnitFieldPlot.large("unit 5 (constant)", fields[4], adder, new float[] {70, -60}, 300),
                dir.resolve("unit-large-constant.png"));
        System.out.println("wrote samples to " + dir);
    }

    private static double l1(double x, double y, float[] c) {
        return Math.abs(x - c[0]) + Math.abs(y - c[1]);
    }
}
