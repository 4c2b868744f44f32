package org.addernet.engine;

import java.util.function.Supplier;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Parameter;
import org.addernet.engine.tensor.Tensor;

/**
 * Finite-difference gradient checks of a layer for the scalar {@code L = sum(Y * R)} with a fixed
 * random R: central differences in double-checked float, compared with backward's input and
 * parameter gradients through {@link OpCheck}.
 */
public final class GradCheck {
    private GradCheck() {
    }

    public static void check(String op, Layer layer, Tensor x, double eps, double atol, double rtol) {
        Tensor y = layer.forward(x, true);
        float[] r = OpCheck.random(y.size(), 1, 99);
        Tensor gy = Tensor.wrap(r.clone(), y.shape());
        layer.zeroGrad();
        Tensor dx = layer.backward(gy).copy();
        // input gradient
        float[] fd = new float[x.size()];
        for (int k = 0; k < x.size(); k++) {
            fd[k] = (float) centralDifference(() -> objective(layer, x, r), x.data, k, eps);
        }
        OpCheck.assertClose(op + " dX", x.shape(), fd, dx.data, atol, rtol);
        // parameter gradients (forward again to restore caches, then backward)
        layer.forward(x, true);
        layer.zeroGrad();
        layer.backward(Tensor.wrap(r.clone(), y.shape()));
        for (Parameter p : layer.parameters()) {
            float[] analytic = p.grad.clone();
            float[] num = new float[p.size()];
            for (int k = 0; k < p.size(); k++) {
                num[k] = (float) centralDifference(() -> objective(layer, x, r), p.value, k, eps);
            }
            OpCheck.assertClose(op + " d" + p.name(), p.shape(), num, analytic, atol, rtol);
        }
    }

    static double objective(Layer layer, Tensor x, float[] r) {
        Tensor y = layer.forward(x, true);
        double s = 0;
        for (int k = 0; k < r.length; k++) {
            s += (double) y.data[k] * r[k];
        }
        return s;
    }

    static double centralDifference(Supplier<Double> f, float[] values, int k, double eps) {
        float orig = values[k];
        values[k] = (float) (orig + eps);
        double plus = f.get();
        values[k] = (float) (orig - eps);
        double minus = f.get();
        values[k] = orig;
        return (plus - minus) / (2 * eps);
    }
}
