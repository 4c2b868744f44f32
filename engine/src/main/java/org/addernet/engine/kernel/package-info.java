/**
 * Kernels: static methods over flat float arrays with explicit dimensions and caller-supplied
 * outputs. Every fast kernel has a naive twin that tests compare it against.
 *
 * <p>Dense activations are <em>feature-major</em>: a batch of B vectors of C features is a
 * [C, B] array, so that the inner loops run over the batch, long and contiguous, and the JIT
 * vectorises them even when C is tiny (the 2-10-1 toy nets).
 */
package org.addernet.engine.kernel;
