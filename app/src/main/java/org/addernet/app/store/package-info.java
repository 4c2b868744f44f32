/**
 * The run store and the run queue (issue 6's back end; the window builds its history and queue
 * views on this API, the CLI's {@code run}, {@code runs} and {@code queue} commands use it too).
 *
 * <ul>
 *   <li>{@link org.addernet.app.store.WorkbenchHome}: where the workbench keeps its state
 *       (explicit path, {@code -Daddernet.home}, {@code $ADDERNET_HOME}, {@code ~/.addernet}).</li>
 *   <li>{@link org.addernet.app.store.RunStore}: one folder per run under {@code <home>/runs},
 *       named {@code <yyyyMMdd-HHmmss>-<preset>[-k]}, each with a {@link org.addernet.app.store.RunManifest}
 *       ({@code run.json}); {@link org.addernet.app.store.RunStore#list()} reads them all into
 *       {@link org.addernet.app.store.RunInfo} records, damaged folders included.</li>
 *   <li>{@link org.addernet.app.store.ManifestWriter}: keeps a folder's manifest in step with the
 *       runner that fills it (a {@link org.addernet.app.runner.RunObserver}).</li>
 *   <li>{@link org.addernet.app.store.RunQueue}: presets waiting to run, one at a time or N at
 *       once, persisted in {@code <home>/queue.json}; runs killed with the process resume on the
 *       next {@link org.addernet.app.store.RunQueue#open}.</li>
 *   <li>{@link org.addernet.app.store.ComparisonTable}: final metrics of chosen runs, mean and
 *       spread over seeds, as CSV and LaTeX.</li>
 * </ul>
 * Every file is written through {@link org.addernet.app.io.AtomicFiles} (temporary file, then
 * rename): a crash or a full disk leaves the old file or the new one, never half of one. Nothing
 * here touches JavaFX; listeners are called on the queue's own notifier thread.
 */
package org.addernet.app.store;
