/**
 * The paper's analysis, computed with the engine's own layers: the constructions of Lemma 2
 * (eqs. 6-8: a two-layer AdderNet that equals {@code sum a_i ReLU(||W_i - X||_1 + b_i)}) and
 * Lemma 5 (eq. 18: a 0/1 fully-connected layer as an AdderNet, with Theorem 6's widths), Theorem
 * 4's approximation rate measured on Lipschitz targets ({@link org.addernet.engine.analysis.Theorem4},
 * its fitting, networks and measurements in package-private classes beside it), and the #Mul / #Add counts of
 * Table 2 ({@link org.addernet.engine.analysis.OpCounts}). Each checks itself against a direct
 * computation; the lab in {@code app} writes their files and figures.
 */
package org.addernet.engine.analysis;
