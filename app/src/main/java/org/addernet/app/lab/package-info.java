/**
 * Experiments of the paper beyond training curves, each as a reusable core that both the command
 * line and the workbench window call: for example {@link org.addernet.app.lab.FeatureScatter}, the
 * 2-D features of LeNet++ scattered by class (Fig. 1). Headless AWT figures, no JavaFX.
 */
package org.addernet.app.lab;
