package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.addernet.engine.train.DecisionGrid;
import org.junit.jupiter.api.Test;

class GridFigureTest {
    private static final DecisionGrid DISC = Samples.disc(40, -30, 30, 10);
    private static final PanelSpec PANEL = new PanelSpec("AdderNet, n = 1", "train 1.000 / test 1.000", DISC,
            Samples.points(new float[] {0, 0, 20, 20}, 1, 0), null);
    /** The fill of a "not run" box. */
    private static final Color EMPTY = new Color(0xE4, 0xE4, 0xE4);

    private static BufferedImage figure(int rows, int cols, int size) {
        PanelSpec[][] panels = new PanelSpec[rows][cols];
        for (PanelSpec[] row : panels) {
            java.util.Arrays.fill(row, PANEL);
        }
        List<String> rowLabels = java.util.Collections.nCopies(rows, "AdderNet");
        List<String> colLabels = java.util.Collections.nCopies(cols, "n = 1");
        return GridFigure.compose("Fig. 2", rowLabels, colLabels, panels, size);
    }

    @Test
    void sizeGrowsByAPanelPerRowAndColumn() {
        BufferedImage one = figure(1, 3, 200);
        BufferedImage wider = figure(1, 4, 200);
        BufferedImage taller = figure(2, 4, 200);
        assertTrue(wider.getWidth() >= one.getWidth() + 200, one.getWidth() + " -> " + wider.getWidth());
        // a wider figure can only unwrap the legend, never need more height
        assertTrue(wider.getHeight() <= one.getHeight());
        assertTrue(taller.getHeight() >= wider.getHeight() + 200, wider.getHeight() + " -> " + taller.getHeight());
        assertEquals(taller.getWidth(), wider.getWidth());
        assertTrue(one.getWidth() >= 3 * 200 && one.getHeight() >= 200);
    }

    @Test
    void nullPanelRendersAsAGreyNotRunBox() {
        PanelSpec[][] panels = {{PANEL, null}};
        BufferedImage img = GridFigure.compose("", List.of("MLP"), List.of("n = 1", "n = 2"), panels, 240);
        int mid = img.getWidth() / 2;
        int grey = Pixels.countExact(img, mid, 0, img.getWidth(), img.getHeight(), EMPTY);
        assertTrue(grey > 240 * 240 / 3, "the empty box should fill most of its panel, got " + grey);
        // (antialiased text edges may hit the same grey in a few pixels)
        assertTrue(Pixels.countExact(img, 0, 0, mid - 20, img.getHeight(), EMPTY) < 50, "real panel has no grey box");
        // the message leaves darker text pixels inside the grey region
        assertTrue(countDark(img, mid, img.getWidth()) > 20);
    }

    @Test
    void allPanelsMissingStillRenders() {
        PanelSpec[][] panels = {{null, null}, {null, null}};
        BufferedImage img = GridFigure.compose("nothing yet", List.of("MLP", "AdderNet"), List.of("n = 1", "n = 2"),
                panels, 150);
        assertTrue(Pixels.countExact(img, 0, 0, img.getWidth(), img.getHeight(), EMPTY) > 4 * 150 * 150 / 3);
    }

    @Test
    void nothingIsCutOffAtTheEdgesEvenForOneSmallPanel() {
        // the legend is wider than one small panel: the figure must widen or wrap, not clip
        for (BufferedImage img : List.of(figure(1, 1, DecisionPlot.MIN_SIZE), figure(2, 3, 160))) {
            int w = img.getWidth();
            int h = img.getHeight();
            assertEquals(0, countDarkIn(img, 0, 0, 3, h), "left edge");
            assertEquals(0, countDarkIn(img, w - 3, 0, w, h), "right edge");
            assertEquals(0, countDarkIn(img, 0, 0, w, 3), "top edge");
            assertEquals(0, countDarkIn(img, 0, h - 3, w, h), "bottom edge");
        }
    }

    @Test
    void rejectsLabelCountsThatDoNotMatch() {
        PanelSpec[][] panels = {{PANEL, PANEL}};
        var e = assertThrows(IllegalArgumentException.class,
                () -> GridFigure.compose("", List.of("MLP"), List.of("n = 1"), panels, 200));
        assertTrue(e.getMessage().contains("2 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GridFigure.compose("", List.of("MLP", "AdderNet"), List.of("n = 1", "n = 2"), panels, 200));
        PanelSpec[][] ragged = {{PANEL, PANEL}, {PANEL}};
        assertThrows(IllegalArgumentException.class,
                () -> GridFigure.compose("", List.of("a", "b"), List.of("n = 1", "n = 2"), ragged, 200));
        assertThrows(IllegalArgumentException.class,
                () -> GridFigure.compose("", List.of(), List.of(), new PanelSpec[0][0], 200));
    }

    private static int countDark(BufferedImage img, int x0, int x1) {
        return countDarkIn(img, x0, 0, x1, img.getHeight());
    }

    private static int countDarkIn(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += Pixels.luma(img, x, y) < 110 ? 1 : 0;
            }
        }
        return n;
    }
}
