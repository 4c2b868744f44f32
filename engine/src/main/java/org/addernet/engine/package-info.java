/**
 * The built-in adder engine: float32 tensors, layers with forward and backward passes, losses,
 * optimisers, schedules, the trainer and its probes. No JavaFX, no AWT, no data-set file formats.
 */
package org.addernet.engine;
