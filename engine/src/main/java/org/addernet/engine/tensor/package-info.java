/** Dense float32 tensors: a flat array plus a shape, row-major. */
package org.addernet.engine.tensor;
