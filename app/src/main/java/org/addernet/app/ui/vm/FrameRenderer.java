package org.addernet.app.ui.vm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.addernet.app.render.DecisionPlot;
import org.addernet.app.render.DifferencePlot;
import org.addernet.app.render.GridFigure;
import org.addernet.app.render.PanelSpec;
import org.addernet.app.render.PlotOptions;
import org.addernet.app.render.UnitFieldPlot;
import org.addernet.app.ui.session.ModelSnapshot;
import org.addernet.app.ui.session.SessionSnapshot;
import org.addernet.engine.train.DecisionGrid;
import org.addernet.engine.train.RunStatus;

/** Turns a snapshot into the images of a {@link Frame} with Java2D (any thread but the FX one). */
public final class FrameRenderer {
    private FrameRenderer() {
    }

    /** Thumbnail size in pixels. */
    public static final int THUMB = 56;

    /** What a panel's subtitle says: nothing (the window says it below the panel), accuracies, or the iteration too. */
    public enum Subtitle { NONE, ACCURACY, FULL }

    public static Frame render(SessionSnapshot s, DrawnPoints drawn, int mainHidden, List<Integer> gridHidden,
                               ViewOptions o, String figureTitle, long generation) {
        List<Frame.Panel> panels = new ArrayList<>();
        List<ModelSnapshot> main = new ArrayList<>();
        for (String kind : List.of("mlp", "adder")) {
            ModelSnapshot m = s.model(kind, mainHidden);
            if (m != null) {
                main.add(m);
                PlotOptions po = plotOptions(m, o);
                BufferedImage img = DecisionPlot.render(spec(m, s, drawn, Subtitle.NONE), o.panelSize(), o.panelSize(), po);
                List<Pixels> thumbs = new ArrayList<>();
                for (float[] f : m.unitFields()) {
                    thumbs.add(Pixels.of(UnitFieldPlot.thumbnail(f, m.fieldResolution(), THUMB)));
                }
                panels.add(new Frame.Panel(m, Pixels.of(img), thumbs, ModelHealth.note(m), ModelHealth.stopped(m)));
            }
        }
        BufferedImage diff = null;
        if (o.showDifference() && main.size() == 2 && main.get(0).grid() != null && main.get(1).grid() != null) {
            diff = DifferencePlot.render("AdderNet - MLP", "P(class 1) difference", main.get(1).grid(),
                    main.get(0).grid(), o.panelSize(), o.panelSize());
        }
        BufferedImage grid = null;
        if (o.gridView() && gridHidden.size() > 1) {
            grid = gridFigure(s, drawn, gridHidden, figureTitle, mainHidden);
        }
        return new Frame(s, panels, diff == null ? null : Pixels.of(diff), grid == null ? null : Pixels.of(grid),
                generation);
    }

    /** The figure grid of Figs. 2-4: rows MLP and AdderNet, one column per n (every point drawn). */
    public static BufferedImage gridFigure(SessionSnapshot s, List<Integer> hidden, String title) {
        return gridFigure(s, DrawnPoints.of(s.data().train(), s.data().test()), hidden, title, -1);
    }

    /**
     * The figure grid with {@code drawn}'s points; the column of {@code mainHidden} (when it is one)
     * is named in the head as the one the main window shows.
     */
    static BufferedImage gridFigure(SessionSnapshot s, DrawnPoints drawn, List<Integer> hidden, String title,
                                    int mainHidden) {
        List<String> kinds = List.of("mlp", "adder");
        PanelSpec[][] panels = new PanelSpec[kinds.size()][hidden.size()];
        for (int r = 0; r < kinds.size(); r++) {
            for (int c = 0; c < hidden.size(); c++) {
                ModelSnapshot m = s.model(kinds.get(r), hidden.get(c));
                panels[r][c] = m == null ? null : spec(m, s, drawn, Subtitle.ACCURACY);
            }
        }
        String head = (title == null || title.isBlank() ? "" : title + "  \u2014  ")
                + String.format(Locale.ROOT, "iteration %,d", s.iteration());
        List<String> columns = new ArrayList<>();
        for (int n : hidden) {
            columns.add("n = " + n + (n == mainHidden ? "  (main window)" : ""));
        }
        return GridFigure.compose(head, List.of("MLP", "AdderNet"), columns, panels, 260);
    }

    /** How the window draws {@code m}'s panel under {@code o}. */
    public static PlotOptions plotOptions(ModelSnapshot m, ViewOptions o) {
        float[][] c = o.showCentres() ? centres2d(m.centres()) : null;
        return new PlotOptions(o.discretize(), true, o.showTest(), true, c, c == null ? null : "hidden-unit centres W_i");
    }

    /** The panel of {@code m} in {@code s} with every point and the iteration in its subtitle (exports). */
    public static PanelSpec spec(ModelSnapshot m, SessionSnapshot s) {
        return spec(m, s, new DrawnPoints(s.data().train(), s.data().test(), s.data().train().size()
                + s.data().test().size()), Subtitle.FULL);
    }

    /** The panel of {@code m} in {@code s} drawing {@code drawn}'s points (a diverged model gets an undefined, grey grid). */
    public static PanelSpec spec(ModelSnapshot m, SessionSnapshot s, DrawnPoints drawn, Subtitle subtitle) {
        DecisionGrid g = m.grid();
        if (g == null) {
            int r = 10;
            float[] nan = new float[r * r];
            Arrays.fill(nan, Float.NaN);
            g = new DecisionGrid(r, -s.extent(), s.extent(), -s.extent(), s.extent(), nan);
        }
        String sub;
        if (RunStatus.DIVERGED.id().equals(m.status())) {
            sub = String.format(Locale.ROOT, "diverged at iteration %,d", m.iteration());
        } else if (subtitle == Subtitle.NONE) {
            sub = "";
        } else {
            long dead = ModelHealth.deadSince(m.history());
            String acc = dead >= 0 ? String.format(Locale.ROOT, "dead (no gradient) since it %,d", dead)
                    : String.format(Locale.ROOT, "train %s  test %s", percent(m.trainAccuracy()), percent(m.testAccuracy()));
            sub = subtitle == Subtitle.FULL ? String.format(Locale.ROOT, "it %,d  %s", m.iteration(), acc) : acc;
        }
        return new PanelSpec(m.label(), sub, g, drawn.train(), drawn.test());
    }

    /** An accuracy as the window writes it: {@code 99.5 %}. */
    public static String percent(double a) {
        return Double.isFinite(a) ? String.format(Locale.ROOT, "%.1f %%", 100 * a) : "\u2013";
    }

    private static float[][] centres2d(float[][] c) {
        return c == null || c.length == 0 || c[0].length != 2 ? null : c;
    }
}
