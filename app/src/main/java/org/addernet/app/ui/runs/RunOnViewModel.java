package org.addernet.app.ui.runs;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.addernet.app.cluster.ClusterOptions;
import org.addernet.app.cluster.ClusterRunners;
import org.addernet.app.store.RunQueue;

/**
 * Where the queue's items run: this machine, or a Spark master (its URL: {@code local[N]},
 * {@code spark://host:port}, ...). Applied to the queue on Add and Start; items that start from
 * then on run there, one Spark task per (seed, variant), with a local run's numbers. The Spark
 * session opens with the first such item, on the queue's thread (the FX thread never waits for
 * it), and closes with {@link #dispose()}. Part of the queue tab's view model (no controls here).
 */
final class RunOnViewModel {
    static final String HERE = "this machine";
    static final String SPARK = "a Spark master";

    /** {@link #HERE} or {@link #SPARK}. */
    final StringProperty target = new SimpleStringProperty(HERE);
    /** The Spark master's URL. */
    final StringProperty master = new SimpleStringProperty("local[2]");
    private ClusterRunners runners;

    /** Whether the URL matters (the view disables its field otherwise). */
    BooleanBinding onSpark() {
        return Bindings.equal(SPARK, target);
    }

    /** Tells {@code queue} where its next items run; a problem with the URL is the message returned, else null. */
    String applyTo(RunQueue queue) {
        if (!SPARK.equals(target.get())) {
            queue.runOn(null);
            return null;
        }
        String url = master.get() == null ? "" : master.get().strip();
        if (url.isEmpty()) {
            return "Run on a Spark master: give its URL (local[2], spark://host:7077, ...)";
        }
        if (runners == null || !url.equals(runners.options().master())) {
            ClusterRunners old = runners;
            runners = new ClusterRunners(ClusterOptions.of(url), false);
            closeLater(old);
        }
        queue.runOn(runners);
        return null;
    }

    /** Closes the Spark session, if one was opened (off the FX thread: stopping Spark takes a moment). */
    void dispose() {
        closeLater(runners);
        runners = null;
    }

    private static void closeLater(ClusterRunners r) {
        if (r != null) {
            Thread t = new Thread(r::close, "close-spark-session");
            t.setDaemon(true);
            t.start();
        }
    }
}
