package org.addernet.app.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.app.render.Palette;
import org.addernet.app.render.Text;
import org.addernet.app.render.Ticks;
import org.addernet.engine.model.FeatureProbe.Features;
import org.addernet.engine.model.FeatureProbe.Window;

/**
 * The paper's Fig. 1 drawn: one square panel per model of what the feature probe found
 * ({@code engine.model.FeatureProbe}), the images' 2-D features as dots in their class colours
 * over the classifier's regions, class means, the adder classifier's centres, and for a CNN the
 * rays from the origin through the class means; plain AWT on the shared ticks, text and palette
 * of {@code render}, headless.
 */
public final class FeatureScatterFigure {
    /** One panel: a model's features (with the plane shown and the regions) and the lines under it. */
    public record Panel(Features features, List<String> caption) {
        public Panel {
            caption = List.copyOf(caption);
        }
    }

    private static final Font TITLE = Text.sans(Font.BOLD, 17);
    private static final Font PANEL_TITLE = Text.sans(Font.BOLD, 15);
    private static final Font TEXT = Text.sans(Font.PLAIN, 13);
    private static final Font TICK = Text.sans(Font.PLAIN, 12);
    private static final Font LABEL = Text.sans(Font.BOLD, 12);

    private FeatureScatterFigure() {
    }

    private static final int PLOT = 500;
    private static final String SUBTITLE_TEXT = "each dot one test image, coloured by its true class; background: the "
            + "class the model's own classifier assigns there";
    private static final int LEFT = 62;
    private static final int RIGHT = 26;
    private static final int GAP = 30;

    /**
     * The figure: {@code title} over one square panel per model, side by side (equal units on both
     * axes), each image a dot in its class colour over the lightly tinted regions the model's own
     * classifier assigns; class means as large outlined discs labelled with the class, the adder
     * classifier's centres W_j as crosses, and for a CNN rays from the origin through the class
     * means; under each panel its caption (the lab's numbers); under all a legend of
     * {@code classNames}.
     */
    public static BufferedImage render(List<Panel> panels, List<String> classNames, String title) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no model to draw");
        }
        int classes = panels.stream().mapToInt(p -> p.features().classes()).max().orElse(0);
        int panelW = LEFT + PLOT + RIGHT;
        int width = (int) Math.ceil(Math.max(panelW * panels.size() + GAP * (panels.size() - 1) + 20,
                Math.max(Text.width(TITLE, title), legendWidth(panels)) + 40));
        int top = 46;
        int panelTop = top + 44;
        int statsTop = panelTop + PLOT + 66;
        int legendTop = statsTop + 4 * 19 + 14;
        int legendRows = (classes + 4) / 5;
        int height = legendTop + legendRows * 24 + 34 + 12;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Text.quality(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Palette.INK);
        g.setFont(TITLE);
        Text.centered(g, title, width / 2.0, 28);
        g.setFont(TEXT);
        g.setColor(Palette.MUTED);
        Text.centered(g, SUBTITLE_TEXT, width / 2.0, top + 6);
        int x0 = (width - (panelW * panels.size() + GAP * (panels.size() - 1))) / 2;
        for (int k = 0; k < panels.size(); k++) {
            Features f = panels.get(k).features();
            int px = x0 + k * (panelW + GAP) + LEFT;
            String kind = f.adder() ? "AdderNet" : "CNN";
            g.setFont(PANEL_TITLE);
            g.setColor(Palette.INK);
            Text.centered(g, "(" + (char) ('a' + k) + ") " + kind + ": " + f.label(), px + PLOT / 2.0, panelTop - 12);
            panel(g, f, new Rectangle2D.Double(px, panelTop, PLOT, PLOT), classNames);
            g.setFont(TEXT);
            g.setColor(Palette.INK);
            List<String> lines = panels.get(k).caption();
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), px, statsTop + i * 19);
            }
        }
        legend(g, classes, classNames, width, legendTop, panels.stream().anyMatch(p -> p.features().adder()),
                panels.stream().anyMatch(p -> !p.features().adder()));
        g.dispose();
        return img;
    }

    private static void panel(Graphics2D g, Features f, Rectangle2D plot, List<String> names) {
        Window w = f.window();
        double sx = plot.getWidth() / (w.xMax() - w.xMin());
        double sy = plot.getHeight() / (w.yMax() - w.yMin());
        java.util.function.DoubleUnaryOperator toX = v -> plot.getX() + (v - w.xMin()) * sx;
        java.util.function.DoubleUnaryOperator toY = v -> plot.getY() + (w.yMax() - v) * sy;
        // the classifier's regions, lightly tinted
        BufferedImage bg = new BufferedImage(f.resolution(), f.resolution(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < f.regions().length; i++) {
            bg.setRGB(i % f.resolution(), i / f.resolution(), Palette.tint(Palette.category(f.regions()[i]), 0.15).getRGB());
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(bg, (int) plot.getX(), (int) plot.getY(), (int) plot.getWidth(), (int) plot.getHeight(), null);
        // grid and ticks
        double step = Ticks.step(w.xMin(), w.xMax(), 6);
        g.setFont(TICK);
        g.setStroke(new BasicStroke(1f));
        for (double v : Ticks.values(w.xMin(), w.xMax(), step)) {
            double px = toX.applyAsDouble(v);
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(px, plot.getY(), px, plot.getMaxY()));
            g.setColor(Palette.MUTED);
            g.draw(new Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() + 5));
            Text.centered(g, Text.minus(TICK, Ticks.format(v, step)), px, plot.getMaxY() + 19);
        }
        for (double v : Ticks.values(w.yMin(), w.yMax(), step)) {
            double py = toY.applyAsDouble(v);
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(plot.getX(), py, plot.getMaxX(), py));
            g.setColor(Palette.MUTED);
            g.draw(new Line2D.Double(plot.getX() - 5, py, plot.getX(), py));
            String s = Text.minus(TICK, Ticks.format(v, step));
            g.drawString(s, (float) (plot.getX() - 8 - Text.width(TICK, s)), (float) (py + 4.5));
        }
        g.setFont(TEXT);
        g.setColor(Palette.INK);
        Text.centered(g, "feature 1", plot.getCenterX(), plot.getMaxY() + 37);
        AffineTransform saved = g.getTransform();
        g.translate(plot.getX() - 46, plot.getCenterY());
        g.rotate(-Math.PI / 2);
        Text.centered(g, "feature 2", 0, 0);
        g.setTransform(saved);
        Shape oldClip = g.getClip();
        g.clip(plot);
        // the points, in a fixed shuffled order so that no class is always painted last
        int[] order = shuffled(f.size());
        double r = f.size() > 5000 ? 1.7 : 2.2;
        for (int i : order) {
            if (!w.contains(f.x()[i], f.y()[i])) {
                continue;
            }
            g.setColor(Palette.withAlpha(Palette.category(f.labels()[i]), 150));
            g.fill(new Ellipse2D.Double(toX.applyAsDouble(f.x()[i]) - r, toY.applyAsDouble(f.y()[i]) - r, 2 * r, 2 * r));
        }
        double[][] means = f.classMeans();
        double ox = toX.applyAsDouble(0);
        double oy = toY.applyAsDouble(0);
        if (!f.adder()) {                       // rays from the origin through the class means
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7, 5}, 0));
            for (int c = 0; c < means.length; c++) {
                if (Double.isNaN(means[c][0])) {
                    continue;
                }
                double dx = toX.applyAsDouble(means[c][0]) - ox;
                double dy = toY.applyAsDouble(means[c][1]) - oy;
                double len = Math.hypot(dx, dy);
                if (len < 1e-9) {
                    continue;
                }
                double reach = 2 * (plot.getWidth() + plot.getHeight());
                g.setColor(Palette.darker(Palette.category(c)));
                g.draw(new Line2D.Double(ox, oy, ox + dx / len * reach, oy + dy / len * reach));
            }
            g.setColor(Palette.INK);
            g.fill(new Ellipse2D.Double(ox - 3, oy - 3, 6, 6));
        }
        if (f.centres() != null) {              // the adder classifier's W_j
            g.setStroke(new BasicStroke(1.5f));
            for (int c = 0; c < f.centres().length; c++) {
                cross(g, toX.applyAsDouble(f.centres()[c][0]), toY.applyAsDouble(f.centres()[c][1]), 7, Palette.category(c));
            }
        }
        for (int c = 0; c < means.length; c++) {  // class means: outlined discs
            if (Double.isNaN(means[c][0])) {
                continue;
            }
            double mx = toX.applyAsDouble(means[c][0]);
            double my = toY.applyAsDouble(means[c][1]);
            g.setColor(Palette.category(c));
            g.fill(new Ellipse2D.Double(mx - 6.5, my - 6.5, 13, 13));
            g.setColor(Palette.INK);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(mx - 6.5, my - 6.5, 13, 13));
        }
        List<Rectangle2D> placed = new ArrayList<>();
        for (int c = 0; c < means.length; c++) {  // their names, with a white halo, inside the panel
            if (Double.isNaN(means[c][0])) {
                continue;
            }
            String name = c < names.size() ? names.get(c) : "class " + c;
            double mx = toX.applyAsDouble(means[c][0]);
            double my = toY.applyAsDouble(means[c][1]);
            if (!f.adder()) {                   // a CNN's class sits along its ray: name it where the ray leaves the panel
                double[] end = exit(ox, oy, mx, my, plot);
                if (end != null) {
                    mx = end[0];
                    my = end[1];
                }
            }
            double tw = Text.width(LABEL, name);
            double tx = f.adder() ? mx + 9 : mx - tw / 2;
            double ty = f.adder() ? my - 8 : my + 4;
            tx = Math.max(plot.getX() + 3, Math.min(plot.getMaxX() - tw - 3, tx));
            double[] at = place(tx, ty, tw, placed, plot);
            halo(g, name, at[0], at[1], Palette.darker(Palette.category(c)));
        }
        g.setClip(oldClip);
        g.setColor(Palette.MUTED);
        g.setStroke(new BasicStroke(1f));
        g.draw(plot);
    }

    /**
     * A baseline for a label {@code tw} wide near ({@code tx}, {@code ty}) inside {@code plot} that
     * overlaps no label placed before: the first free spot of shifts up and down by a line; taken
     * into {@code placed}.
     */
    private static double[] place(double tx, double ty, double tw, List<Rectangle2D> placed, Rectangle2D plot) {
        double h = 15;
        double top = plot.getY() + 14;
        double bottom = plot.getMaxY() - 4;
        double y = Math.max(top, Math.min(bottom, ty));
        for (int k = 0; k < 16; k++) {
            double shift = (k + 1) / 2 * h * (k % 2 == 1 ? 1 : -1);
            double cand = Math.max(top, Math.min(bottom, ty + shift));
            Rectangle2D r = new Rectangle2D.Double(tx - 2, cand - 12, tw + 4, h);
            if (placed.stream().noneMatch(r::intersects)) {
                y = cand;
                break;
            }
        }
        placed.add(new Rectangle2D.Double(tx - 2, y - 12, tw + 4, h));
        return new double[] {tx, y};
    }

    /** Where the ray from (ox, oy) through (mx, my) leaves {@code plot} shrunk by a label's margin; null if it does not. */
    private static double[] exit(double ox, double oy, double mx, double my, Rectangle2D plot) {
        double dx = mx - ox;
        double dy = my - oy;
        if (Math.hypot(dx, dy) < 1e-9) {
            return null;
        }
        Rectangle2D in = new Rectangle2D.Double(plot.getX() + 30, plot.getY() + 24, plot.getWidth() - 60,
                plot.getHeight() - 40);
        double t = Double.POSITIVE_INFINITY;
        if (dx > 0) {
            t = Math.min(t, (in.getMaxX() - ox) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (in.getX() - ox) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (in.getMaxY() - oy) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (in.getY() - oy) / dy);
        }
        return t > 0 && Double.isFinite(t) ? new double[] {ox + t * dx, oy + t * dy} : null;
    }

    private static List<String> keys(boolean adder, boolean cnn) {
        List<String> keys = new ArrayList<>();
        keys.add("class mean of the features");
        if (adder) {
            keys.add("the adder classifier's centre W_j (its logit is \u2212||f \u2212 W_j||\u2081)");
        }
        if (cnn) {
            keys.add("ray from the origin through a CNN class mean");
        }
        return keys;
    }

    private static final double KEY_SWATCH = 26;
    private static final double KEY_GAP = 34;

    private static double legendWidth(List<Panel> panels) {
        double total = -KEY_GAP;
        for (String k : keys(panels.stream().anyMatch(p -> p.features().adder()),
                panels.stream().anyMatch(p -> !p.features().adder()))) {
            total += KEY_SWATCH + Text.width(TEXT, k) + KEY_GAP;
        }
        return Math.max(total, Text.width(TEXT, SUBTITLE_TEXT));
    }

    private static void legend(Graphics2D g, int classes, List<String> names, int width, int top, boolean adder,
                               boolean cnn) {
        g.setFont(TEXT);
        double colW = 150;
        int perRow = Math.min(5, Math.max(1, classes));
        double x0 = width / 2.0 - perRow * colW / 2;
        for (int c = 0; c < classes; c++) {
            double x = x0 + (c % perRow) * colW;
            double y = top + (c / perRow) * 24;
            g.setColor(Palette.category(c));
            g.fill(new Ellipse2D.Double(x, y - 10, 12, 12));
            g.setColor(Palette.INK);
            g.drawString(c < names.size() ? names.get(c) : "class " + c, (float) (x + 18), (float) y);
        }
        double y = top + ((classes + perRow - 1) / perRow) * 24 + 14;
        List<String> keys = keys(adder, cnn);
        double swatch = KEY_SWATCH;
        double between = KEY_GAP;
        double total = -between;
        for (String k : keys) {
            total += swatch + Text.width(TEXT, k) + between;
        }
        double x = width / 2.0 - total / 2;
        for (String k : keys) {
            double mid = x + swatch / 2 - 4;
            if (k.startsWith("class mean")) {
                g.setColor(new Color(0xBBBBBB));
                g.fill(new Ellipse2D.Double(mid - 6.5, y - 11.5, 13, 13));
                g.setColor(Palette.INK);
                g.setStroke(new BasicStroke(2f));
                g.draw(new Ellipse2D.Double(mid - 6.5, y - 11.5, 13, 13));
            } else if (k.startsWith("the adder")) {
                cross(g, mid, y - 5, 6, new Color(0x888888));
            } else {
                g.setColor(Palette.MUTED);
                g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7, 5}, 0));
                g.draw(new Line2D.Double(mid - 11, y - 5, mid + 11, y - 5));
            }
            g.setColor(Palette.INK);
            g.drawString(k, (float) (x + swatch), (float) y);
            x += swatch + Text.width(TEXT, k) + between;
        }
    }

    private static void cross(Graphics2D g, double x, double y, double h, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(x - h, y - h);
        p.lineTo(x + h, y + h);
        p.moveTo(x - h, y + h);
        p.lineTo(x + h, y - h);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
        g.setColor(Palette.darker(c));
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
    }

    private static void halo(Graphics2D g, String s, double x, double y, Color c) {
        Shape outline = new TextLayout(s, LABEL, g.getFontRenderContext()).getOutline(
                AffineTransform.getTranslateInstance(x, y));
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(c);
        g.fill(outline);
    }

    private static int[] shuffled(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

}
