package org.addernet.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTest {
    @TempDir
    Path dir;

    private static BufferedImage pattern(int w, int h, int seed) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 7 + y * 13 + seed) * 0x010203 & 0xFFFFFF);
            }
        }
        return img;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertNotNull(actual, "ImageIO could not read the file back");
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y) & 0xFFFFFF, actual.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void writesAReadablePngAndNoTempFile() throws IOException {
        BufferedImage img = pattern(31, 17, 1);
        Path file = dir.resolve("decision-boundary.png");
        Png.write(img, file);
        assertSamePixels(img, ImageIO.read(file.toFile()));
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("grid.png");
        Png.write(pattern(10, 10, 1), file);
        BufferedImage second = pattern(12, 8, 2);
        Png.write(second, file);
        assertSamePixels(second, ImageIO.read(file.toFile()));
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path file = dir.resolve("runs/a/b/panel.png");
        BufferedImage img = DecisionPlot.render(new PanelSpec("t", "s", Samples.disc(20, -30, 30, 10),
                Samples.points(new float[] {0, 0}, 1), null), 120, 120);
        Png.write(img, file);
        assertSamePixels(img, ImageIO.read(file.toFile()));
        assertEquals(List.of(file), filesIn(file.getParent()));
    }
}
