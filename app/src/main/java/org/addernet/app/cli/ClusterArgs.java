package org.addernet.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.addernet.app.cluster.ClusterOptions;
import picocli.CommandLine.Option;

/** {@code --cluster [URL]}, {@code --store DIR} and {@code --spark-conf key=value} of {@code run} and {@code queue run}. */
final class ClusterArgs {
    @Option(names = "--cluster", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "run on Apache Spark, one task per (seed, variant) run, with the numbers of a local run: "
                    + "local[N] (Spark in this process), spark://host:port (a standalone cluster), yarn, k8s://..., "
                    + "anything spark-submit --master takes; no URL: the master spark-submit set. With --data DIR the "
                    + "set found there is shipped to the executors; without, each worker looks it up as a local run does")
    String master;

    @Option(names = "--store", paramLabel = "DIR", description = "with --cluster: a workbench home on a path every "
            + "worker sees under the same name (NFS, a mounted HDFS): run folders go to DIR/runs and the tasks write "
            + "there (a lost executor's retry continues from its checkpoint); without it each task's folder comes home")
    Path store;

    @Option(names = "--spark-conf", paramLabel = "key=value", description = "a Spark setting for --cluster, e.g. "
            + "spark.executor.memory=4g (repeatable)")
    List<String> conf = new ArrayList<>();

    boolean on() {
        return master != null;
    }

    /** What is wrong with the options, or null. */
    String problem() {
        if (!on() && (store != null || !conf.isEmpty())) {
            return (store != null ? "--store" : "--spark-conf") + " goes with --cluster URL";
        }
        for (String c : conf) {
            int eq = c.indexOf('=');
            if (eq < 1 || !c.startsWith("spark.")) {
                return "--spark-conf " + c + ": expected spark.key=value";
            }
        }
        return null;
    }

    ClusterOptions options() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : conf) {
            m.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
        }
        return new ClusterOptions(master.isBlank() ? null : master, m);
    }
}
