package org.addernet.engine.model;

import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderRules;

/**
 * What to build: {@code kind} is a zoo name ({@code mlp} or {@code adder}), {@code hidden} the
 * width n of every hidden layer, {@code depth} the number of weight layers (2 = Definition 2 with
 * one hidden layer; deeper = the width-bounded nets of Theorem 6), {@code batchNorm} whether the
 * MLP gets batch normalisation after its hidden layers (the AdderNet always has it, Sec. 3.1).
 */
public record ModelSpec(String kind, int hidden, int depth, Activation.Kind activation, boolean batchNorm,
                        AdderRules rules) {
    public ModelSpec {
        if (!"mlp".equals(kind) && !"adder".equals(kind)) {
            throw new IllegalArgumentException("unknown toy model '" + kind + "', expected mlp or adder");
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden units n must be >= 1, got " + hidden);
        }
        if (depth < 2) {
            throw new IllegalArgumentException("depth must be >= 2 (two-layer net), got " + depth);
        }
    }

    /** A label such as {@code AdderNet n=3} for figures. */
    public String label() {
        return ("adder".equals(kind) ? "AdderNet" : "MLP") + " n=" + hidden + (depth > 2 ? " depth=" + depth : "");
    }
}
