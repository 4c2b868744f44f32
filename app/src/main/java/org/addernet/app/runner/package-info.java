/**
 * Headless execution of presets: runs every (seed, model, n) of a preset, writes the run folder
 * of DESIGN.md's contract (summary.json, preset.json, per-run metrics.csv and decision-boundary.png,
 * grid.png) atomically, and reports progress.
 */
package org.addernet.app.runner;
