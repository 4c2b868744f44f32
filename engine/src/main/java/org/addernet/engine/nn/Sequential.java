package org.addernet.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.addernet.engine.tensor.Tensor;

/**
 * Layers applied in order; backward runs them in reverse. To save memory an activation right after
 * a layer whose output nothing else reads ({@link Layer#outputFreeAfterUse()}) is made to work
 * in place ({@link Activation#inPlace()}), and every gradient that one layer passes to the one
 * before is handed over ({@link Layer#backwardInPlace}): only the gradient given to
 * {@link #backward} from outside is left as it is.
 */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a sequential model needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        for (int k = 1; k < this.layers.size(); k++) {
            if (this.layers.get(k) instanceof Activation a && this.layers.get(k - 1).outputFreeAfterUse()) {
                a.inPlace();
            }
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor t = x;
        for (Layer l : layers) {
            t = l.forward(t, training);
        }
        return t;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return backward(gradOut, false);
    }

    /** As {@link #backward}, handing gradOut over to the last layer too. */
    @Override
    public Tensor backwardInPlace(Tensor gradOut) {
        return backward(gradOut, true);
    }

    private Tensor backward(Tensor gradOut, boolean consumable) {
        Tensor g = gradOut;
        for (int k = layers.size() - 1; k >= 0; k--) {
            Layer l = layers.get(k);
            // a gradient that still shares the outside one's storage (a layer may pass it through) stays untouched
            g = consumable || g.data != gradOut.data ? l.backwardInPlace(g) : l.backward(g);
        }
        return g;
    }

    @Override
    public boolean outputFreeAfterUse() {
        return layers.get(layers.size() - 1).outputFreeAfterUse();
    }

    /** Passes the choice to the first layer (the only one whose input gradient leaves the network). */
    @Override
    public void setInputGradientWanted(boolean wanted) {
        layers.get(0).setInputGradientWanted(wanted);
    }

    @Override
    public List<float[]> buffers() {
        List<float[]> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.buffers());
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public int[] outputShape(int[] in) {
        int[] s = in;
        for (Layer l : layers) {
            s = l.outputShape(s);
        }
        return s;
    }

    @Override
    public void zeroGrad() {
        for (Layer l : layers) {
            l.zeroGrad();
        }
    }

    /** Every adder layer, in order (for the p schedule). */
    public List<AdderLayer> adderLayers() {
        List<AdderLayer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof AdderLayer a) {
                out.add(a);
            } else if (l instanceof Sequential s) {
                out.addAll(s.adderLayers());
            } else if (l instanceof ResidualBlock r) {
                out.addAll(r.adderLayers());
            }
        }
        return out;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Layer l : layers) {
            if (sb.length() > 0) {
                sb.append(" -> ");
            }
            sb.append(l.describe());
        }
        return sb.toString();
    }
}
