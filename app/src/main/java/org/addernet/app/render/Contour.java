package org.addernet.app.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.addernet.engine.train.DecisionGrid;

/**
 * Marching squares over a {@link DecisionGrid}'s cell centres: the iso-line P = level as line
 * segments in data coordinates, linearly interpolated along cell edges. A value counts as inside
 * when {@code p >= level}, the same rule that turns probabilities into predictions. Saddle cells
 * are resolved by the mean of their four corners.
 *
 * <p>{@link #polylines} joins the segments into connected curves, so that a dashed stroke keeps
 * its rhythm along the whole line instead of restarting in every cell.
 */
final class Contour {
    private Contour() {
    }

    /** Segments {x1, y1, x2, y2} (data units) of the iso-line {@code P = level}. */
    static List<double[]> segments(DecisionGrid grid, double level) {
        int n = grid.resolution();
        float[] p = grid.prob();
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < n; i++) {
                // corners: a=(i,j) bottom-left, b=(i+1,j) bottom-right, c=(i+1,j+1) top-right, d=(i,j+1)
                double a = p[j * n + i];
                double b = p[j * n + i + 1];
                double c = p[(j + 1) * n + i + 1];
                double d = p[(j + 1) * n + i];
                int code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0)
                        | (d >= level ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                double x0 = grid.xAt(i);
                double x1 = grid.xAt(i + 1);
                double y0 = grid.yAt(j);
                double y1 = grid.yAt(j + 1);
                // crossing points on the four edges (only the crossed ones are used)
                double[] bottom = {lerp(x0, x1, a, b, level), y0};
                double[] right = {x1, lerp(y0, y1, b, c, level)};
                double[] top = {lerp(x0, x1, d, c, level), y1};
                double[] left = {x0, lerp(y0, y1, a, d, level)};
                switch (code) {
                    case 1, 14 -> add(out, left, bottom);
                    case 2, 13 -> add(out, bottom, right);
                    case 3, 12 -> add(out, left, right);
                    case 4, 11 -> add(out, right, top);
                    case 6, 9 -> add(out, bottom, top);
                    case 7, 8 -> add(out, left, top);
                    case 5, 10 -> {
                        boolean centreInside = (a + b + c + d) / 4 >= level;
                        // code 5: a and c inside; code 10: b and d inside
                        if ((code == 5) == centreInside) {
                            // the inside corners are joined through the centre
                            add(out, left, top);
                            add(out, bottom, right);
                        } else {
                            add(out, left, bottom);
                            add(out, right, top);
                        }
                    }
                    default -> throw new IllegalStateException("code " + code);
                }
            }
        }
        return out;
    }

    /**
     * The iso-line {@code P = level} as connected curves {x0, y0, x1, y1, ...} (data units); a
     * closed curve repeats its first point at the end.
     */
    static List<double[]> polylines(DecisionGrid grid, double level) {
        List<double[]> segs = segments(grid, level);
        // neighbouring cells compute a shared edge crossing from the same two values in the same
        // order, so the endpoints of joining segments are bitwise equal
        Map<Point, List<Integer>> at = new HashMap<>();
        for (int k = 0; k < segs.size(); k++) {
            double[] s = segs.get(k);
            at.computeIfAbsent(new Point(s[0], s[1]), p -> new ArrayList<>(2)).add(k);
            at.computeIfAbsent(new Point(s[2], s[3]), p -> new ArrayList<>(2)).add(k);
        }
        boolean[] used = new boolean[segs.size()];
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < segs.size(); k++) {
            if (used[k]) {
                continue;
            }
            used[k] = true;
            double[] s = segs.get(k);
            Deque<Point> line = new ArrayDeque<>();
            line.add(new Point(s[0], s[1]));
            line.add(new Point(s[2], s[3]));
            extend(line, false, segs, at, used);
            extend(line, true, segs, at, used);
            double[] xy = new double[2 * line.size()];
            int i = 0;
            for (Point p : line) {
                xy[i++] = p.x();
                xy[i++] = p.y();
            }
            out.add(xy);
        }
        return out;
    }

    private record Point(double x, double y) {
    }

    /** Walks unused segments from the line's last (or first) point, adding their far ends. */
    private static void extend(Deque<Point> line, boolean atFront, List<double[]> segs, Map<Point, List<Integer>> at,
                               boolean[] used) {
        while (true) {
            Point end = atFront ? line.peekFirst() : line.peekLast();
            Integer next = null;
            for (int k : at.get(end)) {
                if (!used[k]) {
                    next = k;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            used[next] = true;
            double[] s = segs.get(next);
            Point a = new Point(s[0], s[1]);
            Point far = a.equals(end) ? new Point(s[2], s[3]) : a;
            if (atFront) {
                line.addFirst(far);
            } else {
                line.addLast(far);
            }
        }
    }

    private static void add(List<double[]> out, double[] from, double[] to) {
        out.add(new double[] {from[0], from[1], to[0], to[1]});
    }

    /** Position between {@code u0} and {@code u1} where the values {@code v0 -> v1} cross level. */
    private static double lerp(double u0, double u1, double v0, double v1, double level) {
        double t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0);
        if (!(t >= 0 && t <= 1)) {
            t = 0.5; // NaN corners
        }
        return u0 + (u1 - u0) * t;
    }
}
