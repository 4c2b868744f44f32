/**
 * The run store and the run queue: what the window's history and queue views and the command
 * line's {@code run}, {@code runs} and {@code queue} commands share.
 *
 * <ul>
 *   <li>{@link org.addernet.app.store.WorkbenchHome}: where the workbench keeps its state
 *       (explicit path, {@code -Daddernet.home}, {@code $ADDERNET_HOME}, {@code ~/.addernet}).</li>
 *   <li>{@link org.addernet.app.store.RunStore}: one folder per run under {@code <home>/runs},
 *       named {@code <yyyyMMdd-HHmmss>-<preset>[-k]}, each with a {@link org.addernet.app.store.RunManifest}
 *       ({@code run.json}), kept in step with its runner by {@link org.addernet.app.store.ManifestWriter}
 *       (a {@code RunObserver}); {@link org.addernet.app.store.RunStore#list()} reads them all into
 *       {@link org.addernet.app.store.RunInfo} records, damaged folders included.</li>
 *   <li>{@link org.addernet.app.store.RunQueue}: presets waiting to run, one at a time or N at
 *       once, through the one runner shape; its parts are package-private: the items under the
 *       one lock, every change saved and told ({@code QueueState}), each item's state changes
 *       ({@code QueueEntry}), their order and saved copy ({@code QueueBook}, {@code QueueFile}:
 *       {@code queue.json} bound to records, and the lock), the scheduler on an injected executor
 *       ({@code QueueScheduler}), one item's run ({@code QueueJob}, its reports turned into item
 *       changes by {@code QueueJobEvents}) and the listeners' throttled
 *       notifications ({@code QueueNotifier}). {@link org.addernet.app.store.SweepValues} splits a
 *       sweep's values for the command line and the window.</li>
 *   <li>{@link org.addernet.app.store.ComparisonTable}: final metrics of chosen runs, mean and
 *       spread over seeds, as CSV and LaTeX (and bars for {@code figures.ComparisonChart}).</li>
 * </ul>
 * Every file is written through {@link org.addernet.app.io.AtomicFiles} (temporary file, then
 * rename): a crash or a full disk leaves the old file or the new one, never half of one. Nothing
 * here touches JavaFX; listeners are called on the queue's own notifier thread.
 */
package org.addernet.app.store;
