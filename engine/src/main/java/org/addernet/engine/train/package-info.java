/**
 * Training, deterministic for a seed: {@link org.addernet.engine.train.Trainer} is the SGD step
 * loop (p and learning-rate schedules, divergence, metrics to listeners); beside it the batch
 * sampler (order a function of seed and epoch), {@link org.addernet.engine.train.TrainerState} and
 * {@link org.addernet.engine.train.Checkpoint} (what a resumed run continues from, bit for bit),
 * the probes the runners and the window read (evaluation, decision grids, hidden responses,
 * weights) and {@link org.addernet.engine.train.RunStatus}, the one enum of how a run stands,
 * whose ids are the strings of every JSON file.
 */
package org.addernet.engine.train;
