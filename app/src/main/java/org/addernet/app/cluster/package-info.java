/**
 * Beyond one machine (DESIGN.md): a preset's runs (preset x seed x variant) as independent tasks
 * of a cluster engine, each executing the same runner code as a local run, and their results
 * brought home into the run store.
 *
 * <ul>
 *   <li>{@link org.addernet.app.cluster.TaskRequest}: one task, as it travels to a worker (the
 *       runner's {@link org.addernet.app.runner.RunRequest} of one seed of one variant, where to write,
 *       the shipped data);
 *       {@link org.addernet.app.cluster.TaskResult} what comes back (status, who ran it, which
 *       attempt, the run's folder as zip bytes unless the store is shared);
 *       {@link org.addernet.app.cluster.ProgressNote} a task's latest progress line.</li>
 *   <li>{@link org.addernet.app.cluster.RunnerAdapter}: on the worker, the task's runner from
 *       {@link org.addernet.app.runner.Runners} (the same code as a local run).</li>
 *   <li>{@link org.addernet.app.cluster.ClusterRun}: a {@link org.addernet.app.runner.Runner} whose
 *       runs go to the cluster: plans the tasks, submits them, stages each result atomically, and
 *       {@link org.addernet.app.cluster.RunAssembler} writes the run folder a local run would have
 *       written (summary.json, metrics.csv, figures, sweep tables) plus {@code cluster.json}
 *       (the store's {@link org.addernet.app.store.ClusterLedger}).</li>
 *   <li>{@link org.addernet.app.cluster.ClusterEngine} / {@link org.addernet.app.cluster.ClusterSession}:
 *       the seam to the engine. The only engine is Apache Spark, in
 *       {@code org.addernet.app.cluster.spark}: the only package that imports {@code org.apache.spark}
 *       (an ArchUnit rule keeps it so). It ships in its own jar ({@code workbench-cluster.jar}, beside
 *       {@code target/cluster-lib/} with Spark's jars), so the window starts without Spark on its class
 *       path; {@link org.addernet.app.cluster.Clusters} loads it when a run asks for a cluster.</li>
 * </ul>
 */
package org.addernet.app.cluster;
