package org.addernet.app.cluster.spark;

/**
 * Spark logs at INFO to stderr by default: dozens of lines before the first run. Unless the
 * user (or {@code spark-submit}'s {@code conf/log4j2.properties}) configured log4j, ours keeps
 * warnings and errors only, one compact line each.
 */
final class QuietLogs {
    static final String LEVEL = "WARN";
    private static final String CONFIG = "org/addernet/app/cluster/spark/log4j2-workbench.properties";

    private QuietLogs() {
    }

    /**
     * In local mode, Spark's note that the host name resolves to a loopback address (and what to set)
     * is no news: everything runs in this process. On a cluster it matters (executors must reach the driver).
     */
    static void local(boolean on) {
        if (on && System.getProperty("log4j2.configurationFile", "").equals(CONFIG)) {
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.util.Utils",
                    org.apache.logging.log4j.Level.ERROR);
        }
    }

    static void install() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null
                && Thread.currentThread().getContextClassLoader().getResource("log4j2.properties") == null) {
            System.setProperty("log4j2.configurationFile", CONFIG);
        }
    }
}
