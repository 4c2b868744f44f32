/**
 * Kernels: static methods over flat float arrays with explicit dimensions and caller-supplied
 * outputs. Every fast kernel has a naive twin that tests compare it against.
 *
 * <p>Dense activations are <em>feature-major</em>: a batch of B vectors of C features is a
 * [C, B] array, so that the inner loops run over the batch, long and contiguous, and the JIT
 * vectorises them even when C is tiny (the 2-10-1 toy nets).
 *
 * <p>The convolutions, the large dense layers and the fractional p run on register-blocked
 * Vector API micro-kernels ({@link org.addernet.engine.kernel.RowGemm},
 * {@link org.addernet.engine.kernel.GradGemm}, {@link org.addernet.engine.kernel.FilterGemm},
 * {@link org.addernet.engine.kernel.FastPow}) over the packed layouts of
 * {@link org.addernet.engine.kernel.Panels}, with the vector width of
 * {@link org.addernet.engine.kernel.Simd}; the module {@code jdk.incubator.vector} must be added
 * ({@code --add-modules jdk.incubator.vector}), as the build, the tests and the launcher do.
 */
package org.addernet.engine.kernel;
