package org.addernet.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.addernet.engine.loss.BceWithLogits;
import org.addernet.engine.model.ModelSpec;
import org.addernet.engine.model.Models;
import org.addernet.engine.nn.Activation;
import org.addernet.engine.nn.AdderRules;
import org.addernet.engine.nn.Layer;
import org.addernet.engine.nn.Sequential;
import org.addernet.engine.tensor.Tensor;

/**
 * Where a toy training step spends its time: each layer of the 2-10-1 AdderNet at batch 128,
 * forward and backward, timed alone after warm-up, plus the loss. The sum is close to a step;
 * the rest is the trainer's own work (batch gather, SGD update, bookkeeping).
 */
public final class LayerProfile {
    /** One row: the layer, microseconds per forward and per backward call. */
    public record Row(String layer, double forwardMicros, double backwardMicros) {
    }

    public static List<Row> measure(int reps) {
        Sequential net = Models.build(new ModelSpec("adder", 10, 2, Activation.Kind.RELU, false, AdderRules.paper()),
                2, 1, 1);
        SplittableRandom r = new SplittableRandom(1);
        Tensor x = new Tensor(2, 128);
        for (int k = 0; k < x.size(); k++) {
            x.data[k] = (float) (r.nextDouble() * 40 - 20);
        }
        List<Row> rows = new ArrayList<>();
        Tensor in = x;
        for (Layer l : net.layers()) {
            Tensor out = l.forward(in, true).copy();
            Tensor g = out.copy();
            for (int k = 0; k < g.size(); k++) {
                g.data[k] = (float) (r.nextDouble() - 0.5);
            }
            for (int w = 0; w < reps; w++) {
                l.forward(in, true);
                l.backward(g);
            }
            long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) {
                l.forward(in, true);
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) {
                l.backward(g);
            }
            long t2 = System.nanoTime();
            rows.add(new Row(l.describe(), (t1 - t0) / 1e3 / reps, (t2 - t1) / 1e3 / reps));
            in = out;
        }
        BceWithLogits bce = new BceWithLogits();
        int[] labels = new int[128];
        for (int b = 0; b < 128; b++) {
            labels[b] = b & 1;
        }
        float[] grad = new float[128];
        for (int w = 0; w < reps; w++) {
            bce.forwardBackward(in.data, labels, grad, 128, 1);
        }
        long t0 = System.nanoTime();
        for (int k = 0; k < reps; k++) {
            bce.forwardBackward(in.data, labels, grad, 128, 1);
        }
        rows.add(new Row("bce loss (forward + gradient)", (System.nanoTime() - t0) / 1e3 / reps, 0));
        return rows;
    }
}
