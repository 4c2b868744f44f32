/**
 * The headless figures: JFreeChart charts and Java2D figures built from plain data, drawn into
 * PNG and SVG files by the runners and the command line and shown in the window through
 * {@code ui.charts} (which adds only the JavaFX viewers). Nothing here touches JavaFX.
 *
 * <ul>
 *   <li>Training curves: {@link org.addernet.app.figures.LossAccuracyChart} and
 *   {@link org.addernet.app.figures.GradientNormChart} (live, appended step by step),
 *   {@link org.addernet.app.figures.EpochCurvesChart} ({@code curves.png} of an epoch run),
 *   {@link org.addernet.app.figures.RunCurvesChart} (runs of the store side by side); what a
 *   reader does with them (hide, smooth, read out) in {@link org.addernet.app.figures.Curves}, the
 *   log axes' exact zeros drawn on the floor by {@code ZeroMarkers}.</li>
 *   <li>The paper's figures and tables: {@link org.addernet.app.figures.WeightHistogramChart}
 *   (Fig. 7: weight histograms with Laplace and Gaussian maximum-likelihood fits from
 *   {@link org.addernet.app.figures.DistributionFit}), {@link org.addernet.app.figures.GradientNormTableChart}
 *   (Table 1's gradient norms, {@code gradient-norms.png}), {@link org.addernet.app.figures.Theorem4Figure}
 *   on {@link org.addernet.app.figures.RateChart} (Theorem 4's rate on log-log axes),
 *   {@link org.addernet.app.figures.FeatureScatterFigure} (Fig. 1's 2-D features),
 *   {@link org.addernet.app.figures.ComparisonChart} (final metrics of compared runs).</li>
 *   <li>Shared: {@link org.addernet.app.figures.ChartStyle} (fonts, axes, projector sizes),
 *   {@link org.addernet.app.figures.ModelPalette} (AdderNets blue, MLPs and CNNs orange, colour-blind
 *   friendly), {@link org.addernet.app.figures.ChartExport} (PNG and SVG, atomically).</li>
 * </ul>
 * Inputs are immutable snapshots ({@link org.addernet.app.figures.ModelCurves},
 * {@link org.addernet.app.figures.ModelWeights}, engine results); the Java2D primitives
 * (ticks, text, palette) are {@code org.addernet.app.render}'s.
 */
package org.addernet.app.figures;
