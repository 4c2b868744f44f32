/**
 * Headless execution of presets in one shape: a {@link org.addernet.app.runner.Runner} (run,
 * cancel, await, observe) made by {@link org.addernet.app.runner.Runners} from a
 * {@link org.addernet.app.runner.RunRequest} (plain, serialisable data: a cluster task runs the
 * same request); the toy runner ({@link org.addernet.app.runner.PresetRunner}, every (seed, model,
 * n) of a 2-D set at once), the epoch runner ({@link org.addernet.app.runner.EpochRunner}, image
 * sets with checkpoints and {@code --resume}) and the sweep runner
 * ({@link org.addernet.app.runner.SweepRunner}, the ablation tables). Each writes the run folder of
 * DESIGN.md's contract atomically ({@code io.RunFiles} names every file) and tells its
 * {@link org.addernet.app.runner.RunObserver}s what it does; {@code summary.json} is a
 * {@link org.addernet.app.runner.RunSummary} of {@link org.addernet.app.runner.RunRecord}s.
 */
package org.addernet.app.runner;
