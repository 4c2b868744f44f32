/**
 * The workbench window, MVVM: {@code session} trains off the FX thread and publishes immutable
 * snapshots; {@code vm} holds the window's state as properties and commands and never sees a
 * control; {@code view} builds controls and binds them; {@code charts} holds the JavaFX viewers of
 * the headless charts of {@code figures}; {@code runs} and {@code analysis} are the runs and
 * analyses windows.
 */
package org.addernet.app.ui;
