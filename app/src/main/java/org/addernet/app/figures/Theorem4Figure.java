package org.addernet.app.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.render.Png;
import org.addernet.engine.analysis.Theorem4.Fit;
import org.addernet.engine.analysis.Theorem4.Model;
import org.addernet.engine.analysis.Theorem4.Result;
import org.addernet.engine.analysis.Theorem4.Slope;
import org.addernet.engine.analysis.Theorem4.Target;
import org.addernet.engine.analysis.Theorem4;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * The Theorem 4 figure: one log-log panel per target (two columns), ISE against the width n for
 * every model (AdderNets blue, MLP orange, the proof's construction green), each with its fitted
 * slope in the legend, and the two reference slopes: {@code n^(-1/2)}, Theorem 4's rate for
 * d = 2, and {@code O(1/n)}. Both reference lines start from the same point (the highest mean
 * ISE at the first fitted width, a little above it), so the fan between them shows the two rates.
 */
public final class Theorem4Figure {
    /** Pixels of one panel. */
    public static final int PANEL_WIDTH = 760;
    public static final int PANEL_HEIGHT = 600;
    private static final int HEADER = 64;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Color INK = new Color(0x1C, 0x1C, 0x1E);
    private static final Color GREY = new Color(0x5F, 0x63, 0x68);

    private Theorem4Figure() {
    }

    /** The panel of one target (works for a partial result too: what has been measured so far). */
    public static JFreeChart chart(Result r, Target t) {
        List<RateChart.Curve> curves = new ArrayList<>();
        int fitFrom = r.config().fitFrom();
        int maxWidth = 1;
        for (Model m : r.config().models()) {
            List<Fit> fits = r.fits(t, m);
            double[] w = fits.stream().mapToDouble(Fit::width).toArray();
            double[] e = fits.stream().mapToDouble(Fit::ise).toArray();
            for (Fit f : fits) {
                maxWidth = Math.max(maxWidth, f.width());
            }
            Slope s = r.slope(t, m);
            double lo = fits.stream().filter(f -> f.width() >= fitFrom).mapToDouble(Fit::width).min().orElse(fitFrom);
            double hi = fits.stream().mapToDouble(Fit::width).max().orElse(fitFrom);
            curves.add(new RateChart.Curve(m.label(), w, e, s == null ? Double.NaN : s.line().slope(),
                    s == null ? Double.NaN : s.line().intercept(), lo, hi));
        }
        List<RateChart.Reference> refs = new ArrayList<>();
        double anchorWidth = Double.NaN;
        double anchorError = 0;
        for (RateChart.Curve c : curves) {
            for (int k = 0; k < c.widths().length; k++) {
                double n = c.widths()[k];
                if (n >= fitFrom && (Double.isNaN(anchorWidth) || n < anchorWidth)) {
                    anchorWidth = n;
                }
            }
        }
        if (!Double.isNaN(anchorWidth) && maxWidth > anchorWidth) {
            for (RateChart.Curve c : curves) {
                double sum = 0;
                int cnt = 0;
                for (int k = 0; k < c.widths().length; k++) {
                    if (c.widths()[k] == anchorWidth && c.errors()[k] > 0 && Double.isFinite(c.errors()[k])) {
                        sum += Math.log(c.errors()[k]);
                        cnt++;
                    }
                }
                if (cnt > 0) {
                    anchorError = Math.max(anchorError, Math.exp(sum / cnt));
                }
            }
            if (anchorError > 0) {
                anchorError *= 1.6;
                refs.add(new RateChart.Reference("O(1/\u221An): Theorem 4's rate for d = 2", -0.5, anchorWidth,
                        anchorError, maxWidth));
                refs.add(new RateChart.Reference("O(1/n)", -1, anchorWidth, anchorError, maxWidth));
            }
        }
        String title = String.format(Locale.ROOT, "%s: f = %s", t.id(), pretty(t.formula()));
        String subtitle = String.format(Locale.ROOT, "l1-Lipschitz constant L1 = %s", lipschitz(t));
        return RateChart.chart(title, subtitle, "integrated squared error (log scale)", curves, refs);
    }

    /** The engine's ASCII formula with the usual symbols. */
    static String pretty(String formula) {
        return formula.replace("sqrt(x^2 + y^2)", "\u221A(x\u00B2 + y\u00B2)").replace("pi ", "\u03C0").replace(" - ", " \u2212 ");
    }

    private static String lipschitz(Target t) {
        return t.lipschitz() == Math.PI ? "\u03C0" : String.format(Locale.ROOT, "%.3g", t.lipschitz());
    }

    /** Grid size for {@code panels} panels: two columns (one for a single panel). */
    private static int columns(int panels) {
        return panels == 1 ? 1 : 2;
    }

    /** Width and height in pixels of the whole figure for a result. */
    public static int[] size(Result r) {
        int p = r.config().targets().size();
        int cols = columns(p);
        int rows = (p + cols - 1) / cols;
        return new int[] {cols * PANEL_WIDTH, HEADER + rows * PANEL_HEIGHT};
    }

    /** Draws the whole figure (header and panels) on {@code g}, {@link #size} pixels. */
    public static void draw(Graphics2D g, Result r) {
        int[] wh = size(r);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, wh[0], wh[1]);
        g.setColor(INK);
        g.setFont(TITLE);
        g.drawString("Theorem 4: integrated squared error of one-hidden-layer nets against their width n", 16, 28);
        g.setColor(GREY);
        g.setFont(NOTE);
        Theorem4.Config c = r.config();
        String note = String.format(Locale.ROOT,
                "ISE = mean of (f \u2212 net)\u00B2 over a %d\u00D7%d midpoint lattice of [\u22121, 1]\u00B2; small dots: %s,"
                        + " line: their geometric mean; dashed: least-squares line for n \u2265 %d%s",
                c.lattice(), c.lattice(), c.seeds() == 1 ? "seed " + c.seed()
                        : "seeds " + c.seed() + "\u2013" + (c.seed() + c.seeds() - 1), c.fitFrom(),
                r.cancelled() ? "  (CANCELLED: partial)" : "");
        g.drawString(note, 16, 52);
        List<Target> targets = c.targets();
        int cols = columns(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            int x = (i % cols) * PANEL_WIDTH;
            int y = HEADER + (i / cols) * PANEL_HEIGHT;
            chart(r, targets.get(i)).draw(g, new Rectangle2D.Double(x, y, PANEL_WIDTH, PANEL_HEIGHT));
        }
    }

    /** The figure as an image. */
    public static BufferedImage render(Result r) {
        int[] wh = size(r);
        BufferedImage img = new BufferedImage(wh[0], wh[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        draw(g, r);
        g.dispose();
        return img;
    }

    /** Writes the figure as a PNG, atomically. */
    public static void writePng(Result r, Path file) throws IOException {
        Png.write(render(r), file);
    }

    /** Writes the figure as an SVG (JFreeSVG), atomically. */
    public static void writeSvg(Result r, Path file) throws IOException {
        int[] wh = size(r);
        SVGGraphics2D g = new SVGGraphics2D(wh[0], wh[1]);
        draw(g, r);
        byte[] doc = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(doc));
    }
}
