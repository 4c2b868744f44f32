package org.addernet.app.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.addernet.app.render.Palette;
import org.addernet.app.render.Png;
import org.addernet.app.runner.TrainedRuns;
import org.addernet.engine.nn.Parameter;
import org.addernet.presets.PresetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench filters [--layer K] --out FILE DIR...}: the filters of a trained convolution
 * layer as images, one row per run: the paper's Fig. 5 (LeNet-5-BN's first layer, AdderNet
 * against CNN). Each filter is stretched from its own minimum (black) to its maximum (white);
 * filters over three input channels are drawn in colour.
 */
@Command(name = "filters", mixinStandardHelpOptions = true,
        description = "Draw the filters of a trained convolution layer of epoch runs as images (Fig. 5).")
public final class FiltersCommand implements Callable<Integer> {
    private static final int TILE = 64;
    private static final int GAP = 8;
    private static final int LABEL = 230;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "run folders of `workbench run` on image presets")
    List<Path> dirs;

    @Option(names = "--layer", paramLabel = "K", defaultValue = "1",
            description = "the K-th weight layer (default 1, the first convolution); it must be a convolution over 1 or 3 channels")
    int layer;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the PNG to write")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One run's filters: [filters][channels][k * k]. */
    record Row(String label, float[][][] filters, int k) {
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        List<Row> rows = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                for (TrainedRuns.Trained t : TrainedRuns.load(dir)) {
                    rows.add(row(t));
                }
            }
            Png.write(render(rows, layer), out);
        } catch (IOException | PresetException | IllegalArgumentException e) {
            err.println("workbench filters: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }

    private Row row(TrainedRuns.Trained t) {
        Parameter w = t.weightLayer(layer);
        int[] s = w.shape();
        if (s.length != 4 || s[2] != s[3] || (s[1] != 1 && s[1] != 3)) {
            throw new IllegalArgumentException("--layer " + layer + " of " + t.model() + " has shape "
                    + java.util.Arrays.toString(s) + "; filters are drawn for convolutions over 1 or 3 channels");
        }
        int k = s[2];
        float[][][] f = new float[s[0]][s[1]][k * k];
        for (int o = 0; o < s[0]; o++) {
            for (int c = 0; c < s[1]; c++) {
                System.arraycopy(w.value, (o * s[1] + c) * k * k, f[o][c], 0, k * k);
            }
        }
        String kind = w.kind() == Parameter.Kind.ADDER_FILTER ? "adder filters" : "conv filters";
        return new Row(t.id() + " (" + kind + ")", f, k);
    }

    static BufferedImage render(List<Row> rows, int layer) {
        int cols = rows.stream().mapToInt(r -> r.filters().length).max().orElse(1);
        int perRow = Math.min(cols, 16);
        int lines = rows.stream().mapToInt(r -> (r.filters().length + perRow - 1) / perRow).sum();
        int w = Math.max(560, LABEL + perRow * (TILE + GAP) + GAP);
        int h = 62 + lines * (TILE + GAP) + GAP;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Palette.INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Filters of weight layer " + layer, GAP, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(0x5F, 0x63, 0x68));
        g.drawString("each filter stretched from its own minimum (black) to its maximum (white)", GAP, 44);
        int y = 62;
        for (Row r : rows) {
            g.setColor(Palette.INK);
            g.drawString(r.label(), GAP, y + TILE / 2 + 5);
            for (int o = 0; o < r.filters().length; o++) {
                int x = LABEL + (o % perRow) * (TILE + GAP);
                int yy = y + (o / perRow) * (TILE + GAP);
                g.drawImage(tile(r.filters()[o], r.k()), x, yy, TILE, TILE, null);
                g.setColor(new Color(0xC0, 0xC4, 0xC8));
                g.drawRect(x - 1, yy - 1, TILE + 1, TILE + 1);
            }
            y += ((r.filters().length + perRow - 1) / perRow) * (TILE + GAP);
        }
        g.dispose();
        return img;
    }

    /** One filter as a k x k image (grey, or RGB for three channels), stretched to its own range. */
    private static BufferedImage tile(float[][] channels, int k) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] c : channels) {
            for (float v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float span = hi > lo ? hi - lo : 1f;
        BufferedImage t = new BufferedImage(k, k, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < k * k; p++) {
            int[] rgb = new int[3];
            for (int c = 0; c < 3; c++) {
                float v = channels[channels.length == 3 ? c : 0][p];
                rgb[c] = Math.round(255 * (v - lo) / span);
            }
            t.setRGB(p % k, p / k, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
        }
        return t;
    }
}
