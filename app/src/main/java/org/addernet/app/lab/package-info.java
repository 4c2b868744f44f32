/**
 * Experiments of the paper beyond training curves, each as a reusable core that both the command
 * line and the workbench window call; headless (java.awt and JFreeChart, no JavaFX).
 *
 * <ul>
 *   <li>{@link org.addernet.app.lab.Theorem4Run} and {@link org.addernet.app.figures.Theorem4Figure}:
 *   Theorem 4, the integrated squared error of two-layer AdderNets and MLPs against their width
 *   on log-log axes (the engine part is {@code org.addernet.engine.analysis.Theorem4}); the runner
 *   writes its CSV files and figure into a folder atomically.</li>
 *   <li>{@link org.addernet.app.lab.FeatureScatter}: the 2-D features of LeNet++ scattered by
 *   class (Fig. 1).</li>
 * </ul>
 */
package org.addernet.app.lab;
