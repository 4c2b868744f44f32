package org.addernet.app.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportTest {
    @TempDir
    Path dir;

    @Test
    void pngIsReadableAndNoTemporaryFileRemains() throws IOException {
        LossAccuracyChart c = new LossAccuracyChart();
        c.update(Synthetic.twoModels(50, 10));
        Path file = dir.resolve("sub/loss.png");
        ChartExport.png(c.chart(), file, 800, 500);
        ChartExport.png(c.chart(), file, 640, 400); // overwrite
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img);
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        assertEquals(List.of("loss.png"), names(file.getParent()));
    }

    @Test
    void svgIsAnSvgDocument() throws IOException {
        WeightHistogramChart p = new WeightHistogramChart();
        p.update(List.of(Synthetic.laplaceWeights("AdderNet n=3", 2000, 3)));
        Path file = dir.resolve("weights.svg");
        ChartExport.svg(p.chart(), file, 800, 500);
        String svg = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.strip().endsWith("</svg>"));
        assertTrue(svg.contains("Laplace fit"));
        assertEquals(List.of("weights.svg"), names(dir));
    }

    @Test
    void emptyChartsExportToo() throws IOException {
        ChartExport.png(new LossAccuracyChart().chart(), dir.resolve("a.png"), 400, 300);
        ChartExport.png(new GradientNormChart().chart(), dir.resolve("b.png"), 400, 300);
        ChartExport.svg(new WeightHistogramChart().chart(), dir.resolve("c.svg"), 400, 300);
        assertEquals(List.of("a.png", "b.png", "c.svg"), names(dir));
    }

    @Test
    void badSizeIsRejected() {
        GradientNormChart c = new GradientNormChart();
        assertThrows(IllegalArgumentException.class, () -> ChartExport.png(c.chart(), dir.resolve("x.png"), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> ChartExport.svg(c.chart(), dir.resolve("x.svg"), 10, -1));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
