/**
 * The Apache Spark engine of {@link org.addernet.app.cluster}: the only package of the workbench
 * that imports {@code org.apache.spark} (an ArchUnit rule keeps it so), built into its own jar
 * ({@code workbench-cluster.jar}) so that the window never loads Spark.
 *
 * <ul>
 *   <li>{@link org.addernet.app.cluster.spark.SparkEngine} / {@code SparkClusterSession}: one Spark
 *       context per process; a job of N run requests is an RDD of N partitions, one task each, run
 *       with {@code SparkContext.runJob} and a result handler, so that each result comes home as its
 *       task ends. Each job has its own job group: cancelling it cancels the Spark job.</li>
 *   <li>{@code RunTask}: the task body on the executor: the request's runner
 *       ({@link org.addernet.app.cluster.RunnerAdapter}), its folder zipped home or left on the shared
 *       store, who ran it and which attempt; a failing run returns a failed result, so only a lost
 *       executor makes Spark retry.</li>
 *   <li>Progress: each task keeps its latest line in an accumulator ({@code LatestProgress}); the
 *       executors' heartbeats carry running tasks' accumulator values to the driver
 *       ({@code spark.executor.heartbeatInterval}, 1 s here), where a {@code SparkListener} hands them
 *       on. No port besides Spark's own is needed (a YARN or Kubernetes cluster opens no other).</li>
 * </ul>
 */
package org.addernet.app.cluster.spark;
