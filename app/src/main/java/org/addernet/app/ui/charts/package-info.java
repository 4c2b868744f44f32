/**
 * The JavaFX side of the charts: {@link org.addernet.app.ui.charts.ChartNode}, the viewer of any
 * headless chart of {@code org.addernet.app.figures} (built lazily on the FX thread), and
 * {@link org.addernet.app.ui.charts.WeightHistogramPanel}, the weight histogram with its model
 * and layer combo box and fit summary. The charts themselves, their data and their export live
 * in {@code org.addernet.app.figures}, which runs headless.
 */
package org.addernet.app.ui.charts;
