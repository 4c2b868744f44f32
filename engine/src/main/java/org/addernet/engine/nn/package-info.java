/**
 * Layers with a forward pass that caches what backward needs and a backward pass that returns
 * the input gradient and accumulates parameter gradients (cleared by {@code zeroGrad()}).
 *
 * <p>To keep image-scale training small, composite layers ({@link org.addernet.engine.nn.Sequential},
 * {@link org.addernet.engine.nn.ResidualBlock}) hand the gradient between their layers over in place
 * ({@link org.addernet.engine.nn.Layer#backwardInPlace}) and make an activation after a layer whose
 * output nothing else reads work in place ({@link org.addernet.engine.nn.Layer#outputFreeAfterUse});
 * so a tensor a layer returned may later hold another layer's values: read it before the next
 * layer runs. The convolution layers share one kernel workspace per thread.
 */
package org.addernet.engine.nn;
