package org.addernet.app.ui.runs;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;
import org.addernet.app.cluster.ClusterOptions;
import org.addernet.app.cluster.ClusterRunners;
import org.addernet.app.store.RunQueue;

/**
 * The queue tab's "Run on": this machine, or a Spark master (its URL: {@code local[N]},
 * {@code spark://host:port}, ...). Applied to the queue on Start and Add; items that start from
 * then on run there, one Spark task per (seed, variant), with a local run's numbers. The Spark session
 * opens with the first such item, on the queue's thread (the FX thread never waits for it), and
 * closes with the tab.
 */
final class RunOnChoice {
    static final String HERE = "this machine";
    static final String SPARK = "a Spark master";

    private final ChoiceBox<String> where = new ChoiceBox<>();
    private final TextField master = new TextField("local[2]");
    private final HBox box;
    private ClusterRunners runners;

    RunOnChoice() {
        where.getItems().setAll(HERE, SPARK);
        where.setValue(HERE);
        where.setId("queue-run-on");
        master.setId("queue-master");
        master.setPrefColumnCount(18);
        master.setPromptText("local[2] or spark://host:7077");
        master.setTooltip(new Tooltip("local[N]: Spark in this process; spark://host:port: a standalone cluster; "
                + "yarn, k8s://...: what spark-submit --master takes. Each task's folder comes home into this store."));
        master.disableProperty().bind(Bindings.notEqual(SPARK, where.valueProperty()));
        box = new HBox(6, where, master, new Label("(items added or started from now on)"));
        box.setAlignment(Pos.CENTER_LEFT);
    }

    Node node() {
        return box;
    }

    /** Chooses a target (tests, screenshots). */
    void choose(String target, String url) {
        where.setValue(target);
        if (url != null) {
            master.setText(url);
        }
    }

    /** Tells {@code queue} where its next items run; a problem with the URL is the message returned, else null. */
    String applyTo(RunQueue queue) {
        if (!SPARK.equals(where.getValue())) {
            queue.runOn(null);
            return null;
        }
        String url = master.getText() == null ? "" : master.getText().strip();
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
