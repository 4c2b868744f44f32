/**
 * Experiments of the paper beyond training curves, each a reusable core that the command line and
 * the window call; headless. They compute (with the engine's analysis) and write their files,
 * drawing with {@code figures}:
 *
 * <ul>
 *   <li>{@link org.addernet.app.lab.Theorem4Run}: Theorem 4's integrated squared error of two-layer
 *   AdderNets and MLPs against their width (engine part: {@code engine.analysis.Theorem4}), its CSV
 *   files and figure written atomically; {@link org.addernet.app.lab.LabRuns} runs it and the
 *   Lemma 2 and Lemma 5 checks by name ({@code ./workbench run theorem4|lemma2|lemma5}).</li>
 *   <li>{@link org.addernet.app.lab.FeatureScatter}: Fig. 1, the 2-D features of LeNet++ scattered
 *   by class (the probe: {@code engine.model.FeatureProbe}; the numbers:
 *   {@link org.addernet.app.lab.FeatureStats}).</li>
 *   <li>{@link org.addernet.app.lab.TrainedRuns}: the trained models of an epoch-run folder, rebuilt
 *   from its preset and checkpoints, for the analyses of weights, filters and features.</li>
 * </ul>
 */
package org.addernet.app.lab;
