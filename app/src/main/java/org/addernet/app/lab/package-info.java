/**
 * Experiments that check one of the paper's theorems numerically rather than train a preset:
 * each has an engine part in {@code org.addernet.engine.analysis} (what is computed) and here a
 * runner that writes its CSV files and figure into a folder atomically, and a renderer. Headless
 * (java.awt and JFreeChart, no JavaFX), so the command line and the window's tabs share them.
 *
 * <ul>
 *   <li>{@link org.addernet.app.lab.Theorem4Run} and {@link org.addernet.app.lab.Theorem4Figure}:
 *   Theorem 4, the integrated squared error of two-layer AdderNets and MLPs against their width
 *   on log-log axes.</li>
 * </ul>
 */
package org.addernet.app.lab;
