/**
 * Kernels: static methods over flat float arrays with explicit dimensions and caller-supplied
 * outputs. Every fast kernel has a naive twin that tests compare it against.
 */
package org.addernet.engine.kernel;
