/** Losses: mean over the batch, returning the loss and writing the gradient wrt the logits. */
package org.addernet.engine.loss;
