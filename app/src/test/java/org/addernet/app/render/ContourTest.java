package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.addernet.engine.train.DecisionGrid;
import org.junit.jupiter.api.Test;

class ContourTest {
    @Test
    void discBoundaryLiesWithinOneCellOfItsRadius() {
        List<double[]> segs = Contour.segments(Samples.disc(60, -30, 30, 10), 0.5);
        assertTrue(segs.size() > 40, "a closed curve needs many segments, got " + segs.size());
        for (double[] s : segs) {
            for (int k = 0; k < 4; k += 2) {
                double r = Math.hypot(s[k], s[k + 1]);
                assertTrue(r > 9 && r < 11, "segment point at radius " + r);
            }
        }
    }

    @Test
    void linearFieldCrossesExactlyWhereItIsOneHalf() {
        // P = 0.5 + x / 8 is linear, so interpolation along cell edges is exact: the line x = 0
        DecisionGrid ramp = Samples.grid(8, -4, 4, (x, y) -> 0.5 + x / 8);
        List<double[]> segs = Contour.segments(ramp, 0.5);
        assertEquals(7, segs.size(), "one segment per row of cells");
        for (double[] s : segs) {
            assertEquals(0, s[0], 1e-6);
            assertEquals(0, s[2], 1e-6);
        }
    }

    @Test
    void constantFieldHasNoBoundary() {
        assertEquals(0, Contour.segments(Samples.grid(10, 0, 1, (x, y) -> 0.9), 0.5).size());
        assertEquals(0, Contour.segments(Samples.grid(10, 0, 1, (x, y) -> 0.1), 0.5).size());
    }

    @Test
    void saddleCellIsResolvedByItsMean() {
        // cell centres (0.5, 0.5) .. (1.5, 1.5); corners bottom-left 1, bottom-right 0, top-right 1,
        // top-left 0: the mean 0.5 counts as inside, so the two 1-corners join through the centre
        // and the segments cut off the 0-corners, with midpoints near top-left and bottom-right
        var grid = new DecisionGrid(2, 0, 2, 0, 2, new float[] {1, 0, 0, 1});
        List<double[]> segs = Contour.segments(grid, 0.5);
        assertEquals(2, segs.size());
        var mids = segs.stream().map(s -> List.of((s[0] + s[2]) / 2, (s[1] + s[3]) / 2)).toList();
        assertTrue(mids.contains(List.of(0.75, 1.25)), mids.toString());
        assertTrue(mids.contains(List.of(1.25, 0.75)), mids.toString());
    }

    @Test
    void polylinesJoinTheDiscIntoOneClosedCurve() {
        DecisionGrid disc = Samples.disc(60, -30, 30, 10);
        List<double[]> lines = Contour.polylines(disc, 0.5);
        assertEquals(1, lines.size(), "one connected curve");
        double[] xy = lines.get(0);
        assertEquals(2 * (Contour.segments(disc, 0.5).size() + 1), xy.length, "every segment used once");
        assertEquals(xy[0], xy[xy.length - 2], "closed: ends where it starts");
        assertEquals(xy[1], xy[xy.length - 1]);
        for (int k = 0; k < xy.length; k += 2) {
            double r = Math.hypot(xy[k], xy[k + 1]);
            assertTrue(r > 9 && r < 11, "point at radius " + r);
        }
    }

    @Test
    void polylinesKeepSeparateCurvesApart() {
        // two discs far apart: two closed curves; the ramp's straight line: one open curve, bottom to top
        DecisionGrid two = Samples.grid(60, -30, 30, (x, y) -> Math.hypot(x + 15, y) < 6 || Math.hypot(x - 15, y) < 6
                ? 1 : 0);
        assertEquals(2, Contour.polylines(two, 0.5).size());
        List<double[]> ramp = Contour.polylines(Samples.grid(8, -4, 4, (x, y) -> 0.5 + x / 8), 0.5);
        assertEquals(1, ramp.size());
        double[] xy = ramp.get(0);
        assertEquals(2 * 8, xy.length, "7 segments joined into 8 points");
        assertEquals(3.5, Math.abs(xy[1]), 1e-9, "starts at an outermost row of cell centres");
        assertEquals(-xy[1], xy[xy.length - 1], 1e-9, "and ends at the other");
    }
}
