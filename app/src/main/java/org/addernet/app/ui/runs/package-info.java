/**
 * The run windows, each a view over its view model (MVVM as in {@code ui.vm}):
 * <ul>
 *   <li>Image runs ({@link org.addernet.app.ui.runs.ImageRunWindow} over
 *       {@link org.addernet.app.ui.runs.ImageRunViewModel}): check a preset's size, memory and time
 *       per epoch, start, follow (images/s, ETA, curves, confusion matrix, test images), cancel and
 *       resume an epoch run.</li>
 *   <li>Queue and history ({@link org.addernet.app.ui.runs.RunsWindow} over
 *       {@link org.addernet.app.ui.runs.RunsViewModel}): the queue tab
 *       ({@link org.addernet.app.ui.runs.QueueViewModel}), the history of the run store
 *       ({@link org.addernet.app.ui.runs.HistoryViewModel}) and the comparison of chosen runs
 *       ({@link org.addernet.app.ui.runs.ComparisonViewModel}).</li>
 * </ul>
 * Runs start through the one runner shape ({@link org.addernet.app.runner.Runners}); the queue's
 * own execution lives in {@code store}. The view models never see a control and do their slow work
 * through the {@link org.addernet.app.ui.vm.UiExecutor} they are given; the views
 * ({@code *Window}, {@code *Pane}) only build controls and bind them.
 */
package org.addernet.app.ui.runs;
