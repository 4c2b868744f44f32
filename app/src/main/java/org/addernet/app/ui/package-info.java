/**
 * The workbench's windows, MVVM: {@code session} trains off the FX thread and publishes immutable
 * snapshots; {@code vm} holds the main window's view models and the threading every view model
 * shares; {@code view} builds the main window's controls and binds them; {@code runs} (image runs,
 * queue and history) and {@code analysis} (the paper's analyses and the theorem lab) are the other
 * windows, each view beside its view model; {@code charts} holds the JavaFX viewers of the
 * headless charts of {@code figures}.
 */
package org.addernet.app.ui;
