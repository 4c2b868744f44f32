/**
 * Runs in the window: image-scale epoch runs with their estimate, live progress, curves,
 * confusion matrix and test images ({@link org.addernet.app.ui.runs.ImageRunWindow}).
 */
package org.addernet.app.ui.runs;
