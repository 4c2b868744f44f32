package org.addernet.app.ui.view;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.addernet.app.render.DecisionPlot;
import org.addernet.app.render.Png;
import org.addernet.app.io.AtomicFiles;
import org.addernet.app.ui.vm.Frame;
import org.addernet.app.ui.vm.FrameRenderer;
import org.addernet.app.ui.vm.ViewOptions;
import org.addernet.app.ui.vm.WorkbenchViewModel;
import org.jfree.svg.SVGGraphics2D;

/** Writes the boundary panels as shown (side by side) to PNG, or to SVG with JFreeSVG (vector points and text). */
final class Exports {
    private Exports() {
    }

    static Path boundaries(WorkbenchViewModel vm, Path file, boolean svg) throws IOException {
        Frame f = vm.frame().get();
        if (f == null || f.panels().isEmpty()) {
            throw new IOException("nothing to export yet");
        }
        ViewOptions o = vm.panels.current();
        int size = ViewOptions.defaults().panelSize();      // the same size whatever the window's
        int n = f.panels().size() + (differenceShown(f, o) ? 1 : 0);
        if (svg) {
            SVGGraphics2D g = new SVGGraphics2D(n * size, size);
            draw(g, f, o, size);
            AtomicFiles.writeString(file, g.getSVGDocument());
        } else {
            BufferedImage img = new BufferedImage(n * size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            draw(g, f, o, size);
            g.dispose();
            Png.write(img, file);
        }
        return file;
    }

    private static boolean differenceShown(Frame f, ViewOptions o) {
        return o.showDifference() && f.difference() != null;
    }

    private static void draw(Graphics2D g, Frame f, ViewOptions o, int size) {
        for (int k = 0; k < f.panels().size(); k++) {
            var m = f.panels().get(k).model();
            Graphics2D gk = (Graphics2D) g.create(k * size, 0, size, size);
            DecisionPlot.draw(gk, FrameRenderer.spec(m, f.snapshot()), size, size, FrameRenderer.plotOptions(m, o));
            gk.dispose();
        }
        if (differenceShown(f, o)) {
            // the difference map is a raster heat map with its key: embedded as an image (in SVG too)
            var p = f.difference();
            BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_ARGB);
            img.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
            g.drawImage(img, f.panels().size() * size, 0, size, size * p.height() / p.width(), null);
        }
    }

    /** The figure view (Figs. 2-4 grid) as PNG. */
    static Path figure(WorkbenchViewModel vm, Path file) throws IOException {
        Frame f = vm.frame().get();
        if (f == null || vm.gridHidden().isEmpty()) {
            throw new IOException("no figure to export: open one of the figure presets first");
        }
        Png.write(FrameRenderer.gridFigure(f.snapshot(), vm.gridHidden(), vm.settings.base().title()), file);
        return file;
    }
}
