/**
 * The workbench's chart components: loss and accuracy curves
 * ({@link org.addernet.app.ui.charts.LossAccuracyChart}), per-layer gradient norms on a log axis
 * ({@link org.addernet.app.ui.charts.GradientNormChart}), weight histograms with Laplace and
 * Gaussian maximum-likelihood fits, as in the paper's Fig. 7
 * ({@link org.addernet.app.ui.charts.WeightHistogramPanel}, fits in
 * {@link org.addernet.app.ui.charts.DistributionFit}), error against width on log-log axes with
 * fitted and reference slopes (Theorem 4, {@link org.addernet.app.ui.charts.RateChart}), and PNG/SVG export
 * ({@link org.addernet.app.ui.charts.ChartExport}).
 *
 * <p>Every chart is a plain JFreeChart object that the view embeds through {@code node()}; the
 * JavaFX node is built lazily on the first {@code node()} call, so {@code update(...)} and
 * {@code chart()} also work without the FX toolkit (tests, headless export). Inputs are
 * immutable snapshots: {@link org.addernet.app.ui.charts.ModelCurves} (a model's logged
 * {@link org.addernet.engine.train.StepMetrics}) and {@link org.addernet.app.ui.charts.ModelWeights}.
 * In the window, {@code update} runs on the FX thread; the curve charts append only the points
 * logged since the previous call and redraw once per call.
 *
 * <p>Colours are colour-blind friendly: AdderNets in the blue family, MLPs and CNNs in the orange
 * family (after TensorFlow Playground), one shade and dash pattern per layer; further models take
 * green, purple and vermilion. Fonts are sized for a projector.
 */
package org.addernet.app.ui.charts;
