package org.addernet.app.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.train.DecisionGrid;

/**
 * Writes sample figures for looking at by eye (not a test): a 400 x 400 panel and a 2 x 3 grid
 * like the paper's Fig. 2, into the folder given as the first argument (default
 * {@code /tmp/render-check}).
 */
public final class RenderSamples {
    private RenderSamples() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/render-check");
        DataSet train = Samples.unitBall(600, 15, 1);
        DataSet test = Samples.unitBall(200, 15, 2);
        double lo = -40;
        double hi = 40;
        int res = 100;
        // stand-ins for trained models: half-plane, strip, triangle; L1 balls of growing accuracy
        DecisionGrid mlp1 = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid((0.8 * x + 0.2 * y + 4) / 3));
        DecisionGrid mlp2 = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid((11 - Math.abs(x - 2)) / 2));
        DecisionGrid mlp3 = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid(
                Math.min(Math.min(y + 8, 16 - 0.9 * x - 0.5 * y), 16 + 0.9 * x - 0.5 * y) / 2));
        DecisionGrid add1 = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid((15 - Math.abs(x) - Math.abs(y)) / 2));
        DecisionGrid add2 = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid(
                (13.5 - 0.8 * (Math.abs(x) + Math.abs(y)) - 0.25 * Math.max(Math.abs(x), Math.abs(y))) / 1.5));
        DecisionGrid add3 = Samples.grid(res, lo, hi, (x, y) -> Samples.sigmoid((12.5 - Math.hypot(x, y)) / 1.2));

        PanelSpec single = new PanelSpec("AdderNet, n = 1", "train 0.995 / test 0.990", add1, train, test);
        Png.write(DecisionPlot.render(single, 400, 400), dir.resolve("panel-400.png"));
        Png.write(DecisionPlot.render(single, 240, 240), dir.resolve("panel-240.png"));
        Png.write(DecisionPlot.render(new PanelSpec("MLP, n = 3", "train 0.981 / test 0.975", mlp3, train, null),
                640, 420), dir.resolve("panel-wide.png"));

        PanelSpec[][] panels = {
            {new PanelSpec("MLP, n = 1", "train 0.712 / test 0.705", mlp1, train, test),
                new PanelSpec("MLP, n = 2", "train 0.843 / test 0.830", mlp2, train, test),
                new PanelSpec("MLP, n = 3", "train 0.981 / test 0.975", mlp3, train, test)},
            {new PanelSpec("AdderNet, n = 1", "train 0.995 / test 0.990", add1, train, test),
                new PanelSpec("AdderNet, n = 2", "train 0.998 / test 0.995", add2, train, test),
                null},
        };
        var figure = GridFigure.compose("Fig. 2 \u2014 unit balls: decision boundaries",
                List.of("fully connected", "AdderNet"), List.of("n = 1", "n = 2", "n = 3"), panels, 300);
        Png.write(figure, dir.resolve("grid-2x3.png"));
        Png.write(GridFigure.compose("Small panels", List.of("MLP", "AdderNet"), List.of("n = 1", "n = 2", "n = 3"),
                panels, 180), dir.resolve("grid-small.png"));
        panels[1][2] = new PanelSpec("AdderNet, n = 3", "train 1.000 / test 0.995", add3, train, test);
        Png.write(GridFigure.compose("One column", List.of("fully connected", "AdderNet"), List.of("n = 3"),
                new PanelSpec[][] {{panels[0][2]}, {panels[1][2]}}, 260), dir.resolve("grid-1col.png"));
        // odd bounds and a title too long for the panel: decimals on the ticks, an ellipsis
        float[] p = new float[50 * 50];
        for (int j = 0; j < 50; j++) {
            for (int i = 0; i < 50; i++) {
                double x = -1 + (i + 0.5) * 3 / 50.0;
                double y = (j + 0.5) / 50.0;
                p[j * 50 + i] = (float) Samples.sigmoid(8 * (y - 0.5 - 0.3 * Math.sin(2 * x)));
            }
        }
        var odd = new DecisionGrid(50, -1, 2, 0, 1, p);
        var oddPoints = Samples.points(new float[] {0, 0.2f, 1, 0.9f, 1.5f, 0.5f, -0.5f, 0.1f}, 0, 1, 0, 1);
        Png.write(DecisionPlot.render(new PanelSpec("A rather long title that cannot possibly fit here",
                "train 0.750 / test —", odd, oddPoints, null), 220, 200), dir.resolve("panel-odd.png"));
        System.out.println("wrote samples to " + dir);
    }
}
