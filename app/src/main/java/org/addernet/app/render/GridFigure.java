package org.addernet.app.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A figure laid out like the paper's Figs. 2-4: one row per model (e.g. fully connected on top,
 * AdderNet below), one column per number of hidden units n, a row label at the left of each row,
 * a header over each column, an overall title on top and a legend underneath.
 */
public final class GridFigure {
    private static final Color TITLE = Palette.INK;
    private static final Color HEADER = new Color(0x30, 0x30, 0x30);

    private GridFigure() {
    }

    /**
     * Renders the figure with each panel {@code panelSize} x {@code panelSize} pixels.
     *
     * @param title        overall title; null or empty for none
     * @param rowLabels    one label per row of {@code panels}, drawn rotated at the left
     * @param columnLabels one header per column, e.g. {@code "n = 1"}
     * @param panels       [rows][columns]; a null entry renders as a grey "not run" box
     * @param panelSize    side of one panel in pixels, at least {@link DecisionPlot#MIN_SIZE}
     * @throws IllegalArgumentException if the label counts do not match {@code panels}' shape,
     *                                  the rows are ragged or empty, or the panel is too small
     */
    public static BufferedImage compose(String title, List<String> rowLabels, List<String> columnLabels,
                                        PanelSpec[][] panels, int panelSize) {
        Objects.requireNonNull(rowLabels, "rowLabels");
        Objects.requireNonNull(columnLabels, "columnLabels");
        int rows = panels.length;
        int cols = rows == 0 || panels[0] == null ? 0 : panels[0].length;
        check(rowLabels, columnLabels, panels, panelSize, rows, cols);
        String heading = title == null ? "" : title;

        double pad = Math.max(10, panelSize / 22.0);
        double gap = Math.max(4, panelSize / 45.0);
        Font titleFont = Text.sans(Font.BOLD, PanelLayout.clamp(panelSize / 12.0, 16, 30));
        Font headerFont = Text.sans(Font.BOLD, PanelLayout.clamp(panelSize / 17.0, 13, 21));
        Font legendFont = Text.sans(Font.PLAIN, PanelLayout.clamp(panelSize / 21.0, 12, 17));
        var legend = new Legend(legendFont);

        boolean anyRowLabel = rowLabels.stream().anyMatch(s -> s != null && !s.isEmpty());
        boolean anyHeader = columnLabels.stream().anyMatch(s -> s != null && !s.isEmpty());
        double rowLabelW = anyRowLabel ? Text.height(headerFont) + gap : 0;
        double gridW = cols * panelSize + (cols - 1) * gap;
        double gridH = rows * panelSize + (rows - 1) * gap;
        double contentW = Math.max(rowLabelW + gridW, legend.minWidth());
        int width = (int) Math.ceil(2 * pad + contentW);

        double titleH = heading.isEmpty() ? 0 : Text.height(titleFont) + gap;
        double headerH = anyHeader ? Text.height(headerFont) + gap * 0.5 : 0;
        double legendMaxW = width - 2 * pad;
        double legendH = legend.height(legendMaxW);
        int height = (int) Math.ceil(pad + titleH + headerH + gridH + gap * 2 + legendH + pad * 0.6);

        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Text.quality(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double gridX = pad + (contentW - (rowLabelW + gridW)) / 2 + rowLabelW;
            double gridY = pad + titleH + headerH;
            if (!heading.isEmpty()) {
                Font f = Text.fit(titleFont, heading, width - 2 * pad, 11);
                g.setFont(f);
                g.setColor(TITLE);
                Text.centered(g, Text.ellipsize(f, heading, width - 2 * pad), width / 2.0, pad + Text.ascent(f));
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int x = (int) Math.round(gridX + c * (panelSize + gap));
                    int y = (int) Math.round(gridY + r * (panelSize + gap));
                    paintPanel(g, panels, r, c, x, y, panelSize);
                }
            }
            g.setColor(HEADER);
            for (int c = 0; c < cols; c++) {
                String label = orEmpty(columnLabels.get(c));
                Rectangle plot = plotInColumn(panels, c, panelSize);
                double cx = gridX + c * (panelSize + gap) + plot.getCenterX();
                Font f = Text.fit(headerFont, label, panelSize - 4, 10);
                g.setFont(f);
                Text.centered(g, Text.ellipsize(f, label, panelSize - 4), cx, gridY - gap * 0.5 - (Text.height(f)
                        - Text.ascent(f)));
            }
            for (int r = 0; r < rows; r++) {
                String label = orEmpty(rowLabels.get(r));
                Rectangle plot = plotInRow(panels[r], panelSize);
                double cy = gridY + r * (panelSize + gap) + plot.getCenterY();
                Font f = Text.fit(headerFont, label, panelSize - 4, 10);
                g.setFont(f);
                Text.rotatedCentered(g, Text.ellipsize(f, label, panelSize - 4), gridX - rowLabelW / 2 - gap / 2,
                        cy);
            }
            legend.paint(g, width / 2.0, gridY + gridH + gap * 2, legendMaxW);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void paintPanel(Graphics2D g, PanelSpec[][] panels, int r, int c, int x, int y, int size) {
        PanelSpec spec = panels[r][c];
        Graphics2D pg = (Graphics2D) g.create(x, y, size, size);
        try {
            if (spec == null) {
                // line the grey box up with the panels in its column (x) and its row (y)
                Rectangle col = plotInColumn(panels, c, size);
                Rectangle row = plotInRow(panels[r], size);
                var box = new Rectangle(col.x, row.y, col.width, row.height);
                DecisionPlot.paintEmpty(pg, "not run", box);
            } else {
                DecisionPlot.paint(pg, spec, size, size);
            }
        } finally {
            pg.dispose();
        }
    }

    /** The plot area of the first panel present in column {@code c}, for centring its header. */
    private static Rectangle plotInColumn(PanelSpec[][] panels, int c, int size) {
        for (PanelSpec[] row : panels) {
            if (row[c] != null) {
                return DecisionPlot.plotArea(row[c], size, size);
            }
        }
        return placeholderPlot(size);
    }

    private static Rectangle plotInRow(PanelSpec[] row, int size) {
        for (PanelSpec p : row) {
            if (p != null) {
                return DecisionPlot.plotArea(p, size, size);
            }
        }
        return placeholderPlot(size);
    }

    /** Where a plot with a title and a subtitle would sit when no real panel says so. */
    private static Rectangle placeholderPlot(int size) {
        return PanelLayout.of(null, "title", "subtitle", size, size).plot();
    }

    private static void check(List<String> rowLabels, List<String> columnLabels, PanelSpec[][] panels,
                              int panelSize, int rows, int cols) {
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("a grid figure needs at least one row and one column, got "
                    + rows + " x " + cols);
        }
        if (rowLabels.size() != rows) {
            throw new IllegalArgumentException(rows + " rows of panels need " + rows + " row labels, got "
                    + rowLabels.size());
        }
        if (columnLabels.size() != cols) {
            throw new IllegalArgumentException(cols + " columns of panels need " + cols
                    + " column labels, got " + columnLabels.size());
        }
        for (int r = 0; r < rows; r++) {
            if (panels[r] == null || panels[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " holds " + (panels[r] == null ? 0
                        : panels[r].length) + " panels, expected " + cols);
            }
        }
        if (panelSize < DecisionPlot.MIN_SIZE) {
            throw new IllegalArgumentException("panel size must be at least " + DecisionPlot.MIN_SIZE
                    + " pixels, got " + panelSize);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
