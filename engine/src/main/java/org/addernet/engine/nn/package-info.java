/**
 * Layers with a forward pass that caches what backward needs and a backward pass that returns
 * the input gradient and accumulates parameter gradients (cleared by {@code zeroGrad()}).
 */
package org.addernet.engine.nn;
