/**
 * The trainer and its probes: deterministic training for a seed, per-step metrics to listeners,
 * decision grids and weight snapshots on request.
 */
package org.addernet.engine.train;
