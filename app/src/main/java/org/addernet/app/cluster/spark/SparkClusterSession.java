package org.addernet.app.cluster.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.addernet.app.cluster.ClusterOptions;
import org.addernet.app.cluster.ClusterSession;
import org.addernet.app.cluster.Clusters;
import org.addernet.app.cluster.ProgressNote;
import org.addernet.app.cluster.TaskRequest;
import org.addernet.app.cluster.ShippedData;
import org.addernet.app.cluster.TaskResult;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * A Spark context and the jobs it runs. One job per {@link #submit}: an RDD of the requests with
 * one partition each, run by {@code runJob} on a thread of its own, in its own job group
 * (cancelled as a whole); each task's result is handed to the listener on the session's delivery
 * thread as the task ends (never on Spark's scheduler thread).
 */
final class SparkClusterSession implements ClusterSession {
    /** What Spark puts in a job's properties for its group. */
    static final String JOB_GROUP = "spark.jobGroup.id";

    private static SparkClusterSession open;
    /** What {@code spark-submit --master} takes (Spark 4: no Mesos). */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\d+|\\*)(,\\d+)?]|local-cluster\\[\\d+, *\\d+, *\\d+]|spark://.+|yarn|k8s://.+");

    private final SparkContext sc;
    private final JavaSparkContext jsc;
    private final ClassLoader loader;
    private final ProgressRelay relay = new ProgressRelay();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> daemon(r, "cluster-results"));
    private final AtomicInteger jobs = new AtomicInteger();
    private final Set<String> shippedFiles = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private volatile boolean closing;

    private SparkClusterSession(SparkConf conf) {
        loader = SparkClusterSession.class.getClassLoader();
        sc = new SparkContext(conf);
        sc.setLogLevel(QuietLogs.LEVEL);
        jsc = new JavaSparkContext(sc);
        sc.addSparkListener(relay);
    }

    /** Opens the process's one Spark context (IllegalStateException when one is open, or Spark cannot start). */
    static synchronized SparkClusterSession open(ClusterOptions o) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (open != null && open.closing && System.nanoTime() < deadline) {   // one closing: Spark stops in seconds
            try {
                SparkClusterSession.class.wait(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (open != null) {
            throw new IllegalStateException("a Spark session is already open in this process (on "
                    + open.master() + "); close it first");
        }
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(SparkClusterSession.class.getClassLoader());  // Spark's threads inherit it
        try {
            QuietLogs.install();                       // before anything of Spark's logs (SparkConf does)
            QuietLogs.local((o.master() != null ? o.master() : System.getProperty("spark.master", "local")).startsWith("local"));
            SparkConf conf = conf(o);
            String master = conf.get("spark.master");
            if (!MASTER.matcher(master).matches()) {
                throw new IllegalArgumentException("'" + master + "' is not a Spark master URL; expected local[N], "
                        + "spark://host:port, yarn or k8s://https://host:port");
            }
            checkReachable(master);
            try {
                open = new SparkClusterSession(conf);
            } catch (Exception e) {                       // SparkException is checked, unannounced
                throw new IllegalStateException("cannot start Spark on " + master + ": "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        } finally {
            me.setContextClassLoader(before);
        }
        return open;
    }

    /**
     * A standalone master that does not answer: said at once, not after Spark's minute of retries.
     * {@code spark://h1:7077,h2:7077} (masters with ZooKeeper) passes when any answers.
     */
    private static void checkReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        String why = null;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the master URL " + master + " has no port number after '" + host + ":'");
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(host, port), 5000);
                return;
            } catch (java.io.IOException e) {
                why = host + ":" + port + ": " + e.getMessage();
            }
        }
        throw new IllegalStateException("no Spark master answers at " + master + " (" + why + ")");
    }

    /** Our settings, then {@code spark-submit}'s (system properties), then the caller's: the last word wins. */
    static SparkConf conf(ClusterOptions o) {
        SparkConf conf = new SparkConf();          // reads spark.* system properties (spark-submit's)
        if (o.master() != null) {
            conf.setMaster(o.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        boolean local = conf.get("spark.master").startsWith("local");
        conf.setIfMissing("spark.app.name", "AdderNet Workbench");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.ui.enabled", local ? "false" : "true");
        conf.setIfMissing("spark.executor.heartbeatInterval", "1s");    // progress lines ride on heartbeats
        conf.setIfMissing("spark.driver.maxResultSize", "0");           // results are run folders, written as they come
        conf.setIfMissing("spark.task.maxFailures", "4");
        String opts = conf.get("spark.executor.extraJavaOptions", "");
        if (!opts.contains("java.awt.headless")) {                     // the runners draw PNGs
            opts = (opts + " -Djava.awt.headless=true").strip();
        }
        if (!opts.contains("jdk.incubator.vector")) {                  // the engine's kernels use the Vector API
            opts = (opts + " --add-modules=jdk.incubator.vector").strip();
        }
        conf.set("spark.executor.extraJavaOptions", opts);
        if (local) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            conf.set("spark.jars", jars(conf.get("spark.jars", "")));
        }
        o.conf().forEach(conf::set);
        return conf;
    }

    /** {@code spark.jars} plus the workbench's jars (those of the same name already there are not added twice). */
    private static String jars(String given) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> names = new java.util.HashSet<>();
        for (String j : given.split(",")) {
            if (!j.isBlank()) {
                all.add(j.strip());
                names.add(Path.of(j.strip()).getFileName().toString());
            }
        }
        for (Path p : Clusters.executorJars()) {
            if (names.add(p.getFileName().toString())) {
                all.add(p.toAbsolutePath().toString());
            }
        }
        return String.join(",", all);
    }

    @Override
    public String master() {
        return sc.master();
    }

    @Override
    public ShippedData ship(ShippedData.Staged data) {
        for (Path f : data.files()) {
            if (shippedFiles.add(f.getFileName().toString())) {
                sc.addFile(f.toAbsolutePath().toString());
            }
        }
        return data.data();
    }

    @Override
    public Job submit(String name, List<TaskRequest> requests, Listener listener) {
        String group = "addernet-" + jobs.incrementAndGet() + "-" + name;
        LatestProgress acc = new LatestProgress();
        sc.register(acc, "progress of " + group);
        SparkJob job = new SparkJob(group, List.copyOf(requests), listener);
        relay.watch(acc.id(), group, job);
        Thread t = daemon(() -> run(job, acc, name), "cluster-job-" + group);
        t.setContextClassLoader(loader);
        t.start();
        return job;
    }

    private void run(SparkJob job, LatestProgress acc, String name) {
        try {
            if (job.requests.isEmpty() || job.cancelled) {
                return;
            }
            sc.setJobGroup(job.group, name, false);      // no thread interrupt: the runner stops itself, files stay whole
            RDD<TaskRequest> rdd = jsc.parallelize(job.requests, job.requests.size()).rdd();
            List<Object> parts = new ArrayList<>();
            IntStream.range(0, job.requests.size()).forEach(parts::add);
            sc.runJob(rdd, new RunTask(acc), CollectionConverters.asScala(parts).toList(),
                    (index, result) -> {
                        delivery.execute(() -> job.deliver(result));
                        return BoxedUnit.UNIT;
                    }, ClassTag$.MODULE$.apply(TaskResult.class));
        } catch (Exception e) {                            // SparkException: the job aborted or was cancelled
            job.failure = job.cancelled ? null : (e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            delivery.execute(() -> {
                relay.forget(acc.id(), job.group);
                job.ended.countDown();
            });
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            sc.stop();
        } finally {
            delivery.shutdown();
            synchronized (SparkClusterSession.class) {
                if (open == this) {
                    open = null;
                }
                SparkClusterSession.class.notifyAll();
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One job: its requests, what came back, its end. */
    final class SparkJob implements Job {
        final String group;
        final List<TaskRequest> requests;
        final Listener listener;
        final List<TaskResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Set<String> done = ConcurrentHashMap.newKeySet();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean cancelled;
        volatile String failure;

        SparkJob(String group, List<TaskRequest> requests, Listener listener) {
            this.group = group;
            this.requests = requests;
            this.listener = listener;
        }

        void deliver(TaskResult r) {
            if (done.add(r.key())) {
                results.add(r);
                safely(() -> listener.finished(r));
            }
        }

        void progress(ProgressNote n) {
            if (!done.contains(n.key()) && !cancelled) {
                safely(() -> listener.progress(n));
            }
        }

        void lost(int index, int attempt, String executor, String host, String reason) {
            if (!cancelled && index >= 0 && index < requests.size()) {
                safely(() -> listener.attemptLost(requests.get(index).key(), attempt, executor, host, reason));
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            sc.cancelJobGroupAndFutureJobs(group);
        }

        @Override
        public List<TaskResult> await() throws InterruptedException {
            ended.await();
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return List.copyOf(results);
        }

        private void safely(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // the listener's own failure
            }
        }
    }
}
