/**
 * Seeded two-dimensional toy classification sets for watching decision boundaries form.
 *
 * <p>The three sets of the paper's Sec. 5.1 follow its equations exactly: the unit ball
 * (eq. 34), the multiple unit balls (eq. 35) and the quadrant ("linear", XOR) set (eq. 36).
 * Five teaching sets join them (two moons, spiral, rings, checkerboard, Gaussian blobs), all
 * binary and on the same scale (coordinates within about +-40 at their default spreads).
 *
 * <p>{@link org.addernet.datasets.toy.ToySpec} is the configuration (validated data),
 * {@link org.addernet.datasets.toy.ToySets#generate} turns it into a train/test pair of
 * {@link org.addernet.engine.data.DataSet}s, and the same spec always yields the same arrays.
 */
package org.addernet.datasets.toy;
