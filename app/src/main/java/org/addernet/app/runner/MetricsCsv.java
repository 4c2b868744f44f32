package org.addernet.app.runner;

import java.util.List;
import java.util.Locale;
import org.addernet.engine.train.EpochMetrics;
import org.addernet.engine.train.StepMetrics;

/**
 * {@code metrics.csv}: one row per logged step with the columns
 * {@code iteration,loss,train_accuracy,test_accuracy,lr,p,grad_norm_<layer>...}; train accuracy and
 * loss are means over the batches since the previous row, test accuracy is on the whole test set.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String format(List<String> layerNames, List<StepMetrics> rows) {
        StringBuilder sb = new StringBuilder("iteration,loss,train_accuracy,test_accuracy,lr,p");
        for (String l : layerNames) {
            sb.append(",grad_norm_").append(l);
        }
        sb.append('\n');
        for (StepMetrics m : rows) {
            sb.append(m.iteration()).append(',').append(num(m.loss())).append(',').append(num(m.trainAccuracy()))
                    .append(',').append(num(m.testAccuracy())).append(',').append(num(m.lr())).append(',')
                    .append(num(m.p()));
            for (double g : m.gradNorms()) {
                sb.append(',').append(num(g));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * An epoch run's {@code metrics.csv}: one row per epoch with the columns
     * {@code epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second,grad_norm_<layer>...};
     * loss and train accuracy are means over the epoch's batches, test accuracy is on the whole test
     * set after the epoch, seconds the training time so far.
     */
    public static String formatEpochs(List<String> layerNames, List<EpochMetrics> rows) {
        StringBuilder sb = new StringBuilder("epoch,iteration,loss,train_accuracy,test_accuracy,lr,p,seconds,images_per_second");
        for (String l : layerNames) {
            sb.append(",grad_norm_").append(l);
        }
        sb.append('\n');
        for (EpochMetrics m : rows) {
            sb.append(m.epoch()).append(',').append(m.iteration()).append(',').append(num(m.loss())).append(',')
                    .append(num(m.trainAccuracy())).append(',').append(num(m.testAccuracy())).append(',')
                    .append(num(m.lr())).append(',').append(num(m.p())).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", m.seconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", m.imagesPerSecond()));
            for (double g : m.gradNorms()) {
                sb.append(',').append(num(g));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
