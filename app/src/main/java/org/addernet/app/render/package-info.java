/**
 * Headless Java2D figures of 2-D models: one decision-boundary panel per trained model
 * ({@link org.addernet.app.render.DecisionPlot}, switched by
 * {@link org.addernet.app.render.PlotOptions}: flat class regions, hidden points, numbered
 * hidden-unit centres), the paper's Figs. 2-4 layout of models x hidden sizes
 * ({@link org.addernet.app.render.GridFigure}), where two models disagree
 * ({@link org.addernet.app.render.DifferencePlot}), one hidden unit's response over the plane
 * ({@link org.addernet.app.render.UnitFieldPlot}) and atomic PNG output
 * ({@link org.addernet.app.render.Png}).
 *
 * <p>Everything here draws into {@link java.awt.image.BufferedImage}s with plain AWT, so it runs
 * under {@code -Djava.awt.headless=true} (the CLI's {@code decision-boundary.png} and
 * {@code grid.png}) and never touches JavaFX; the workbench window converts the images. Colours
 * follow TensorFlow Playground: class 0 orange, class 1 blue, near-white where P(class 1) = 0.5;
 * maps that are not class probabilities use hues of their own, green-white-purple for
 * differences and teal for unit responses ({@link org.addernet.app.render.Palette}).
 */
package org.addernet.app.render;
