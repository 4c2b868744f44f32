package org.addernet.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A results table drawn like the paper's Tables 4-6 (booktabs style): a title, notes on where the
 * numbers come from, a row of column ids, the header rows (what each column changes), our result
 * rows and the paper's row, the best cell of each result row in bold (ours also on green), and a
 * key underneath.
 */
public final class TableFigure {
    private static final Color GREY = new Color(0x5F, 0x63, 0x68);
    private static final Color HEADER_FILL = new Color(0xF1, 0xF3, 0xF4);
    private static final Color BEST_FILL = new Color(0xD4, 0xED, 0xDA);
    private static final Color PAPER_FILL = new Color(0xF8, 0xF4, 0xE8);
    private static final Color RULE = new Color(0x3C, 0x40, 0x43);
    private static final Color THIN = new Color(0xC8, 0xCC, 0xD0);
    private static final double PAD = 18;
    private static final double ROW = 32;
    private static final double CELL_PAD = 14;

    private TableFigure() {
    }

    /** What a line of the table is. */
    public enum Kind { HEADER, OURS, PAPER }

    /**
     * One line of the table.
     *
     * @param best the column (0-based, not counting the label) to mark as the row's best; -1 none
     */
    public record Line(Kind kind, String label, List<String> cells, int best) {
        public Line {
            cells = List.copyOf(cells);
        }
    }

    /**
     * @param title  the table's title
     * @param notes  lines under the title (what ours and the paper's were measured on)
     * @param ids    the column ids (drawn small above the header rows)
     * @param lines  header rows, then result rows, then the paper's row
     * @param key    the line under the table explaining the marks
     */
    public record Spec(String title, List<String> notes, List<String> ids, List<Line> lines, String key) {
        public Spec {
            notes = List.copyOf(notes);
            ids = List.copyOf(ids);
            lines = List.copyOf(lines);
        }
    }

    public static BufferedImage render(Spec spec) {
        Font titleFont = Text.sans(Font.BOLD, 19);
        Font noteFont = Text.sans(Font.PLAIN, 14);
        Font idFont = Text.sans(Font.PLAIN, 13);
        Font cellFont = Text.sans(Font.PLAIN, 15);
        Font boldFont = Text.sans(Font.BOLD, 15);
        Font headerFont = Text.sans(Font.BOLD, 18);
        int cols = spec.ids().size();
        double labelW = 0;
        double colW = 84;
        for (Line l : spec.lines()) {
            if (l.cells().size() != cols) {
                throw new IllegalArgumentException("line '" + l.label() + "' has " + l.cells().size() + " cells for "
                        + cols + " columns");
            }
            labelW = Math.max(labelW, Text.width(boldFont, l.label()));
            for (String c : l.cells()) {
                colW = Math.max(colW, Text.width(l.kind() == Kind.HEADER ? headerFont : boldFont, c) + 2 * CELL_PAD);
            }
        }
        for (String id : spec.ids()) {
            colW = Math.max(colW, Text.width(idFont, id) + 2 * CELL_PAD);
        }
        labelW += 2 * CELL_PAD;
        double tableW = labelW + cols * colW;
        double textW = Math.max(Text.width(titleFont, spec.title()), Text.width(noteFont, spec.key()));
        for (String n : spec.notes()) {
            textW = Math.max(textW, Text.width(noteFont, n));
        }
        int width = (int) Math.ceil(2 * PAD + Math.max(tableW, Math.min(textW, 1600)));
        double textMax = width - 2 * PAD;
        double noteH = Text.height(noteFont) + 5;
        double top = PAD + Text.height(titleFont) + 8 + spec.notes().size() * noteH + 10;
        double idH = Text.height(idFont) + 10;
        double tableH = idH + spec.lines().size() * ROW;
        int height = (int) Math.ceil(top + tableH + 12 + noteH + PAD);

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Text.quality(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Palette.INK);
        g.setFont(Text.fit(titleFont, spec.title(), textMax, 12));
        g.drawString(Text.ellipsize(g.getFont(), spec.title(), textMax), (float) PAD,
                (float) (PAD + Text.ascent(titleFont)));
        g.setColor(GREY);
        double y = PAD + Text.height(titleFont) + 8;
        for (String n : spec.notes()) {
            g.setFont(noteFont);
            g.drawString(Text.ellipsize(noteFont, n, textMax), (float) PAD, (float) (y + Text.ascent(noteFont)));
            y += noteH;
        }
        double x0 = PAD;
        y = top;
        rule(g, x0, tableW, y, 1.6f, RULE);
        g.setFont(idFont);
        g.setColor(GREY);
        for (int c = 0; c < cols; c++) {
            Text.centered(g, spec.ids().get(c), x0 + labelW + (c + 0.5) * colW, y + 5 + Text.ascent(idFont));
        }
        y += idH;
        rule(g, x0, tableW, y, 0.8f, THIN);
        Kind previous = Kind.HEADER;
        for (Line l : spec.lines()) {
            if (l.kind() != previous) {
                rule(g, x0, tableW, y, 1.2f, RULE);
                previous = l.kind();
            }
            Color fill = switch (l.kind()) {
                case HEADER -> HEADER_FILL;
                case OURS -> Color.WHITE;
                case PAPER -> PAPER_FILL;
            };
            g.setColor(fill);
            g.fill(new Rectangle2D.Double(x0, y + 0.4, tableW, ROW - 0.8));
            double base = y + ROW / 2 + (Text.ascent(cellFont) - (Text.height(cellFont) - Text.ascent(cellFont))) / 2;
            g.setFont(l.kind() == Kind.HEADER ? boldFont : cellFont);
            g.setColor(Palette.INK);
            g.drawString(l.label(), (float) (x0 + CELL_PAD), (float) base);
            for (int c = 0; c < cols; c++) {
                boolean best = c == l.best();
                double cx = x0 + labelW + (c + 0.5) * colW;
                if (best && l.kind() == Kind.OURS) {
                    g.setColor(BEST_FILL);
                    g.fill(new Rectangle2D.Double(x0 + labelW + c * colW + 3, y + 3, colW - 6, ROW - 6));
                }
                g.setColor(Palette.INK);
                g.setFont(l.kind() == Kind.HEADER ? headerFont : best ? boldFont : cellFont);
                String s = l.cells().get(c);
                if (s.equals("\u2713") && g.getFont().canDisplay('\u2714')) {
                    s = "\u2714";              // the heavy check mark reads better at table size
                }
                if (s.isEmpty() && l.kind() != Kind.HEADER) {
                    g.setColor(GREY);
                    s = "\u2013";
                }
                Text.centered(g, s, cx, base);
            }
            y += ROW;
            if (l.kind() != Kind.PAPER) {
                rule(g, x0, tableW, y, 0.6f, THIN);
            }
        }
        rule(g, x0, tableW, y, 1.6f, RULE);
        g.setFont(noteFont);
        g.setColor(GREY);
        g.drawString(Text.ellipsize(noteFont, spec.key(), textMax), (float) PAD, (float) (y + 12 + Text.ascent(noteFont)));
        g.dispose();
        return img;
    }

    private static void rule(Graphics2D g, double x, double w, double y, float stroke, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(stroke));
        g.draw(new Line2D.Double(x, y, x + w, y));
    }
}
