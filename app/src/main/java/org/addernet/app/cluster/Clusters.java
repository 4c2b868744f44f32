package org.addernet.app.cluster;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the cluster engine. Spark's jars stay off the window's start-up path: the Spark side of
 * the workbench ({@code org.addernet.app.cluster.spark}) is not in {@code workbench.jar} but in
 * {@code workbench-cluster.jar}, beside {@code cluster-lib/} (Spark and its libraries, ~210 MB).
 * When they are already on the class path ({@code ./workbench ... --cluster}, {@code spark-submit},
 * the tests) the engine is loaded from there; otherwise (the window) from a class loader over
 * those jars, made on first use, whose parent is the workbench's own.
 */
public final class Clusters {
    /** The engine's class (in workbench-cluster.jar). */
    public static final String ENGINE = "org.addernet.app.cluster.spark.SparkEngine";
    /** The jar holding {@link #ENGINE}, beside workbench.jar. */
    public static final String CLUSTER_JAR = "workbench-cluster.jar";
    /** The folder of Spark's jars, beside workbench.jar. */
    public static final String CLUSTER_LIB = "cluster-lib";

    private static ClusterEngine engine;

    private Clusters() {
    }

    /** The engine; IllegalStateException (saying what is missing and how to build it) when there is none. */
    public static synchronized ClusterEngine engine() {
        if (engine == null) {
            engine = load();
        }
        return engine;
    }

    /** The folder holding workbench.jar, lib/ and cluster-lib/ (app/target in a build tree). */
    public static Path installDir() {
        try {
            Path here = Path.of(Clusters.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent();            // .../target/workbench.jar or .../target/classes
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the workbench is installed: " + e, e);
        }
    }

    private static ClusterEngine load() {
        ClassLoader own = Clusters.class.getClassLoader();
        Class<?> c;
        try {
            Class.forName("org.apache.spark.SparkContext", false, own);
            c = Class.forName(ENGINE, true, own);
        } catch (ClassNotFoundException | LinkageError notHere) {
            c = loadFromClusterLib(own);
        }
        try {
            return (ClusterEngine) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the cluster engine " + ENGINE + ": " + e, e);
        }
    }

    private static Class<?> loadFromClusterLib(ClassLoader parent) {
        Path dir = installDir();
        Path jar = dir.resolve(CLUSTER_JAR);
        Path lib = dir.resolve(CLUSTER_LIB);
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("running on a cluster needs " + jar + " and " + lib + "/ (Apache Spark); "
                    + "build them with `mvn -DskipTests package` in the project folder");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            urls.add(jar.toUri().toURL());
            for (Path p : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + lib + ": " + e.getMessage(), e);
        }
        URLClassLoader loader = new SparkSideFirst(urls.toArray(URL[]::new), parent);
        try {
            return Class.forName(ENGINE, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(jar + " does not hold a working " + ENGINE + ": " + e, e);
        }
    }

    /**
     * Loads the Spark side from its own jar even when the parent could (a build tree's
     * {@code target/classes} holds it too): there it would link against a Spark the parent lacks.
     */
    private static final class SparkSideFirst extends URLClassLoader {
        private static final String SPARK_SIDE = ENGINE.substring(0, ENGINE.lastIndexOf('.') + 1);

        SparkSideFirst(URL[] urls, ClassLoader parent) {
            super("cluster", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(SPARK_SIDE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {          // the Spark side's log4j settings, from its jar
            URL own = name.startsWith(SPARK_SIDE.replace('.', '/')) ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }

    /** The jars the executors need besides Spark: workbench.jar, workbench-cluster.jar and lib/*.jar (empty when not built). */
    public static List<Path> executorJars() {
        Path dir = installDir();
        List<Path> out = new ArrayList<>();
        Path app = dir.resolve("workbench.jar");
        Path cluster = dir.resolve(CLUSTER_JAR);
        Path lib = dir.resolve("lib");
        if (!Files.isRegularFile(app) || !Files.isRegularFile(cluster) || !Files.isDirectory(lib)) {
            return out;
        }
        out.add(app);
        out.add(cluster);
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + lib + ": " + e.getMessage(), e);
        }
        return out;
    }
}
