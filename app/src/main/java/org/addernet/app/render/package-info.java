/**
 * Headless Java2D figures of 2-D decision boundaries: one panel per trained model
 * ({@link org.addernet.app.render.DecisionPlot}), the paper's Figs. 2-4 layout of models x hidden
 * sizes ({@link org.addernet.app.render.GridFigure}) and atomic PNG output
 * ({@link org.addernet.app.render.Png}).
 *
 * <p>Everything here draws into {@link java.awt.image.BufferedImage}s with plain AWT, so it runs
 * under {@code -Djava.awt.headless=true} (the CLI's {@code decision-boundary.png} and
 * {@code grid.png}) and never touches JavaFX. Colours follow TensorFlow Playground: class 0
 * orange, class 1 blue, near-white where P(class 1) = 0.5 ({@link org.addernet.app.render.Palette}).
 */
package org.addernet.app.render;
