/**
 * View models of the main window ({@link org.addernet.app.ui.vm.WorkbenchViewModel},
 * {@link org.addernet.app.ui.vm.SettingsViewModel}; its parts: {@code SessionFactory} makes the settings
 * into a training session, {@code FramePipeline} takes the session's snapshots to frames on the FX
 * thread, {@code FigureMode} keeps a figure preset's grid and column, {@link org.addernet.app.ui.vm.PanelOptions}
 * how the boundary panels are drawn) and what every view model shares: the window's
 * state as JavaFX properties and its commands as methods; no view model sees a control or imports
 * {@code javafx.scene} (an architecture test keeps it so).
 *
 * <p>Threading, one idiom: slow work goes through an injected
 * {@link org.addernet.app.ui.vm.UiExecutor} (a pool of daemon threads and {@code Platform.runLater}
 * in the window, {@link org.addernet.app.ui.vm.UiExecutor#sameThread()} in tests); a worker's
 * progress reaches the FX thread coalesced, at most one {@code runLater} pending:
 * {@link org.addernet.app.ui.vm.FxPublisher} keeps the newest value,
 * {@link org.addernet.app.ui.vm.FxBatcher} every value in order.
 * {@link org.addernet.app.ui.vm.Activity} is one background job with its busy flag and message.
 */
package org.addernet.app.ui.vm;
