package org.addernet.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.addernet.engine.tensor.Tensor;

/** Layers applied in order; backward runs them in reverse. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a sequential model needs at least one layer");
        }
        this.layers = List.copyOf(layers);
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
        Tensor g = gradOut;
        for (int k = layers.size() - 1; k >= 0; k--) {
            g = layers.get(k).backward(g);
        }
        return g;
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
