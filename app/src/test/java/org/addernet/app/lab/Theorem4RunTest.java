package org.addernet.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.addernet.app.figures.Theorem4Figure;
import org.addernet.engine.analysis.Theorem4;
import org.addernet.engine.analysis.Theorem4.Config;
import org.addernet.engine.analysis.Theorem4.Model;
import org.addernet.engine.analysis.Theorem4.Result;
import org.addernet.engine.analysis.Theorem4.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Theorem4Run} writes well-formed CSV files and figures, and nothing when cancelled. */
class Theorem4RunTest {
    private static Config tiny() {
        return new Config(List.of(Target.RING, Target.WAVE, Target.PYRAMID), List.of(Model.values()), List.of(2, 8, 32),
                2, 5, 256, 24, List.of(1.0, 3.0), 1e-8, 5, 1.0, 8);
    }

    @Test
    void writesTheCsvFilesAndTheFigures(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new/folder");
        int[] calls = {0};
        Result r = Theorem4Run.run(tiny(), out, (done, total, label) -> calls[0]++, () -> false);
        assertFalse(r.cancelled());
        assertEquals(3 * 3 * 3 * 2, calls[0]);

        List<String> rows = Files.readAllLines(out.resolve(Theorem4Run.ISE_CSV), StandardCharsets.UTF_8);
        assertEquals("target,model,n,seed,ise,train_mse,radius", rows.get(0));
        assertEquals(r.fits().size() + 1, rows.size());
        for (int k = 1; k < rows.size(); k++) {
            String[] f = rows.get(k).split(",", -1);
            assertEquals(7, f.length, rows.get(k));
            Theorem4.Fit fit = r.fits().get(k - 1);
            assertEquals(fit.target(), Target.fromId(f[0]));
            assertEquals(fit.model(), Model.fromId(f[1]));
            assertEquals(fit.width(), Integer.parseInt(f[2]));
            assertEquals(fit.seed(), Long.parseLong(f[3]));
            double ise = Double.parseDouble(f[4]);
            assertTrue(ise > 0);
            assertEquals(fit.ise(), ise, 1e-8 * ise);
            assertEquals(fit.model() == Model.ADDER_PROOF, f[5].isEmpty(), "training error only for fitted models");
            assertEquals(fit.model() == Model.MLP, f[6].isEmpty(), "no radius for the MLP");
        }

        List<String> slopes = Files.readAllLines(out.resolve(Theorem4Run.SLOPES_CSV), StandardCharsets.UTF_8);
        assertEquals("target,model,slope,intercept,r2,points,fit_from", slopes.get(0));
        assertEquals(3 * 3 + 1, slopes.size());
        for (String row : slopes.subList(1, slopes.size())) {
            String[] f = row.split(",");
            Theorem4.Slope s = r.slope(Target.fromId(f[0]), Model.fromId(f[1]));
            assertEquals(s.line().slope(), Double.parseDouble(f[2]), 1e-6);
            double r2 = Double.parseDouble(f[4]);
            assertTrue(r2 >= 0 && r2 <= 1, row);
            assertEquals("4", f[5], "widths 8 and 32 (fit_from 8 leaves n = 2 out), two seeds each");
            assertEquals("8", f[6]);
        }

        BufferedImage png = ImageIO.read(out.resolve(Theorem4Run.FIGURE).toFile());
        int[] size = Theorem4Figure.size(r);
        assertEquals(size[0], png.getWidth());
        assertEquals(size[1], png.getHeight());
        assertEquals(2 * Theorem4Figure.PANEL_WIDTH, png.getWidth(), "two columns");
        String svg = Files.readString(out.resolve(Theorem4Run.FIGURE_SVG), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("ring: f ="), "an SVG with the panel titles");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(4, files.count(), "the four files and no temporary file");
        }
    }

    @Test
    void aCancelledRunWritesNothing(@TempDir Path dir) throws Exception {
        int[] polls = {0};
        Result r = Theorem4Run.run(tiny(), dir.resolve("out"), null, () -> ++polls[0] > 4);
        assertTrue(r.cancelled());
        assertEquals(4, r.fits().size());
        assertFalse(Files.exists(dir.resolve("out")));
        // the partial result still draws: the window shows what was measured so far
        BufferedImage img = Theorem4Figure.render(r);
        assertTrue(img.getWidth() > 0);
    }
}
