package org.addernet.app.ui.view;

import java.awt.image.BufferedImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Java2D images to JavaFX images by copying ARGB pixels (no javafx-swing needed). */
public final class FxImages {
    private FxImages() {
    }

    /** Shows prepared pixels: {@code reuse} when it has the same size (overwritten), else a new image. */
    public static WritableImage toFx(org.addernet.app.ui.vm.Pixels p, WritableImage reuse) {
        WritableImage out = reuse != null && (int) reuse.getWidth() == p.width() && (int) reuse.getHeight() == p.height()
                ? reuse : new WritableImage(p.width(), p.height());
        out.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        return out;
    }

    /** {@code reuse} when it has the same size (it is overwritten), else a new image. */
    public static WritableImage toFx(BufferedImage img, WritableImage reuse) {
        int w = img.getWidth();
        int h = img.getHeight();
        WritableImage out = reuse != null && (int) reuse.getWidth() == w && (int) reuse.getHeight() == h
                ? reuse : new WritableImage(w, h);
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
