package org.addernet.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.app.render.Palette;
import org.addernet.datasets.image.ImageSet;
import org.addernet.engine.data.DataSet;
import org.addernet.engine.model.FeatureProbe;
import org.addernet.engine.model.ImageModels;
import org.addernet.engine.nn.AdderDense;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Fig. 1's features: their extraction from a LeNet++, the numbers that tell clusters from sectors, the figure. */
class FeatureScatterTest {
    private static final int CLASSES = 10;

    /**
     * Features of {@code n} points a class, the classes 36 degrees apart around the origin: round
     * clusters (sd 0.25) around centres at radius 4, or spread along rays from the origin (radius
     * 0.2 to 12, denser near the origin, as a CNN's are, with a little angular jitter).
     */
    private static FeatureProbe.Features synthetic(boolean rays, int n) {
        SplittableRandom r = new SplittableRandom(11);
        float[] x = new float[CLASSES * n];
        float[] y = new float[CLASSES * n];
        int[] labels = new int[CLASSES * n];
        for (int c = 0; c < CLASSES; c++) {
            double angle = 2 * Math.PI * c / CLASSES;
            for (int i = 0; i < n; i++) {
                int k = c * n + i;
                labels[k] = c;
                if (rays) {
                    double u = r.nextDouble();
                    double rad = 0.2 + 11.8 * u * u;
                    double a = angle + 0.05 * r.nextGaussian();
                    x[k] = (float) (rad * Math.cos(a));
                    y[k] = (float) (rad * Math.sin(a));
                } else {
                    x[k] = (float) (4 * Math.cos(angle) + 0.25 * r.nextGaussian());
                    y[k] = (float) (4 * Math.sin(angle) + 0.25 * r.nextGaussian());
                }
            }
        }
        return new FeatureProbe.Features("synthetic", rays ? "lenetpp-cnn" : "lenetpp-adder", !rays, x, y, labels,
                labels.clone(), CLASSES, null, null, null, 0);
    }

    @Test
    void roundClustersAreFoundByTheirNearestMeanAndHaveNoRadialSpread() {
        FeatureStats.Separation s = FeatureStats.separation(synthetic(false, 400));
        assertTrue(s.nearestMeanL1() > 0.999, "l1: " + s.nearestMeanL1());
        assertTrue(s.nearestMeanL2() > 0.999, "l2: " + s.nearestMeanL2());
        assertEquals(1.0, s.accuracy(), 1e-12);
        assertEquals(0.5, s.radialShare(), 0.05, "isotropic spread: half of it along any direction");
    }

    @Test
    void angularSectorsAreFoundByAngleNotByDistance() {
        FeatureStats.Separation s = FeatureStats.separation(synthetic(true, 400));
        assertEquals(1.0, s.nearestAngle(), 1e-12, "the jitter (0.05 rad) is far below half the gap (0.31 rad)");
        // near the origin the means of all sectors are about equally far: distance picks the wrong one
        assertTrue(s.nearestMeanL2() < 0.95, "l2: " + s.nearestMeanL2());
        assertTrue(s.nearestMeanL1() < 0.95, "l1: " + s.nearestMeanL1());
        assertTrue(s.radialShare() > 0.95, "spread along the rays: " + s.radialShare());
    }

    @Test
    void classMeansAreTheMeansOfEachClassesFeatures() {
        FeatureProbe.Features f = synthetic(false, 400);
        double[][] m = f.classMeans();
        for (int c = 0; c < CLASSES; c++) {
            double sx = 0;
            double sy = 0;
            for (int i = c * 400; i < (c + 1) * 400; i++) {
                sx += f.x()[i];
                sy += f.y()[i];
            }
            assertEquals(sx / 400, m[c][0], 1e-9);
            assertEquals(sy / 400, m[c][1], 1e-9);
            assertEquals(4 * Math.sin(2 * Math.PI * c / CLASSES), m[c][1], 0.05);
        }
    }

    private static DataSet images(int n) {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            for (int p = 0; p < 784; p++) {
                x[i * 784 + p] = (float) (r.nextGaussian() + (p / 78 == y[i] ? 1.5 : 0));
            }
        }
        return new DataSet(x, y, 784, 10);
    }

    @Test
    void extractGivesTheFeatureLayersOutputThePredictionsAndTheClassifiersRegions() {
        DataSet data = images(700);           // two batches of extraction (500 + 200)
        for (String name : List.of("lenetpp-adder", "lenetpp-cnn")) {
            Sequential net = ImageModels.build(name, 10, AdderRules.paper(), 9);
            FeatureProbe.Features f = FeatureScatter.extract("r", name, net, data, new int[] {1, 28, 28}, 650);
            assertEquals(650, f.size());
            assertEquals(name.endsWith("-adder"), f.adder());
            // the same images through the net by hand: layers up to the feature layer, then the rest
            float[] batch = new float[650 * 784];
            System.arraycopy(data.features(), 0, batch, 0, batch.length);
            Tensor t = Tensor.wrap(batch, 650, 1, 28, 28);
            int cut = ImageModels.featureLayerIndex(name);
            for (int k = 0; k <= cut; k++) {
                t = net.layers().get(k).forward(t, false);
            }
            for (int i = 0; i < 650; i++) {
                assertEquals(t.data[i], f.x()[i], 1e-4 * (1 + Math.abs(t.data[i])), name + " feature 1 of " + i);
                assertEquals(t.data[650 + i], f.y()[i], 1e-4 * (1 + Math.abs(t.data[650 + i])), name);
                assertEquals(data.label(i), f.labels()[i]);
            }
            float[] logits = net.forward(Tensor.wrap(batch, 650, 1, 28, 28), false).data;
            for (int i = 0; i < 650; i++) {
                int best = 0;
                for (int c = 1; c < 10; c++) {
                    best = logits[c * 650 + i] > logits[best * 650 + i] ? c : best;
                }
                assertEquals(best, f.predicted()[i], name + " prediction of image " + i);
            }
            FeatureProbe.Window w = f.window();
            assertEquals(w.xMax() - w.xMin(), w.yMax() - w.yMin(), 1e-9, "a square: equal units on both axes");
            int inside = 0;
            for (int i = 0; i < f.size(); i++) {
                inside += w.contains(f.x()[i], f.y()[i]) ? 1 : 0;
            }
            assertTrue(inside >= 0.99 * f.size(), inside + " of " + f.size() + " points shown");
            if (f.adder()) {
                // the adder classifier's region at a cell is the centre W_j nearest in l1
                float[] wj = ((AdderDense) net.layers().get(cut + 1)).weight().value;
                assertEquals(10, f.centres().length);
                int res = f.resolution();
                for (int cell = 0; cell < res * res; cell += 97) {
                    double cx = w.xMin() + (cell % res + 0.5) / res * (w.xMax() - w.xMin());
                    double cy = w.yMax() - (cell / res + 0.5) / res * (w.yMax() - w.yMin());
                    int nearest = 0;
                    double best = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < 10; j++) {
                        double d = Math.abs(cx - wj[2 * j]) + Math.abs(cy - wj[2 * j + 1]);
                        if (d < best) {
                            best = d;
                            nearest = j;
                        }
                    }
                    assertEquals(nearest, f.regions()[cell], "cell " + cell);
                    assertArrayEquals(new float[] {wj[2 * nearest], wj[2 * nearest + 1]}, f.centres()[nearest]);
                }
            } else {
                assertEquals(null, f.centres());
            }
        }
    }

    @Test
    void theFigureHasOnePanelPerModelWithTheClassColours() {
        DataSet data = images(300);
        FeatureProbe.Features a = FeatureScatter.extract("lenetpp-adder-s1", "lenetpp-adder",
                ImageModels.build("lenetpp-adder", 10, AdderRules.paper(), 1), data, new int[] {1, 28, 28}, 300);
        FeatureProbe.Features c = FeatureScatter.extract("lenetpp-cnn-s1", "lenetpp-cnn",
                ImageModels.build("lenetpp-cnn", 10, AdderRules.paper(), 1), data, new int[] {1, 28, 28}, 300);
        List<String> names = FeatureScatter.classNames(ImageSet.FASHION_MNIST);
        assertEquals("Ankle boot", names.get(9));
        assertEquals("digit 3", FeatureScatter.classNames(ImageSet.MNIST).get(3));
        BufferedImage two = FeatureScatter.render(List.of(a, c), names, "two");
        BufferedImage one = FeatureScatter.render(List.of(a), names, "one");
        assertTrue(two.getWidth() > one.getWidth() + 400, two.getWidth() + " vs " + one.getWidth());
        assertEquals(two.getHeight(), one.getHeight());
        // every class colour is painted (points, means, legend swatches)
        for (int cl = 0; cl < 10; cl++) {
            int rgb = Palette.category(cl).getRGB() & 0xFFFFFF;
            boolean found = false;
            for (int yy = 0; yy < two.getHeight() && !found; yy++) {
                for (int xx = 0; xx < two.getWidth() && !found; xx++) {
                    found = (two.getRGB(xx, yy) & 0xFFFFFF) == rgb;
                }
            }
            assertTrue(found, "class " + cl + " colour");
        }
    }
}
