package org.addernet.app.cluster.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.addernet.app.cluster.ProgressNote;
import org.apache.spark.Success$;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * On the driver, Spark's listener bus tells this of every executor heartbeat (with the running
 * tasks' accumulator values: our {@link LatestProgress} notes) and of every task's end (a lost
 * attempt, which Spark retries); it hands both to the job they belong to.
 */
final class ProgressRelay extends SparkListener {
    private final Map<Long, SparkClusterSession.SparkJob> byAccumulator = new ConcurrentHashMap<>();
    private final Map<String, SparkClusterSession.SparkJob> byGroup = new ConcurrentHashMap<>();
    private final Map<Integer, SparkClusterSession.SparkJob> byStage = new ConcurrentHashMap<>();

    void watch(long accumulator, String group, SparkClusterSession.SparkJob job) {
        byAccumulator.put(accumulator, job);
        byGroup.put(group, job);
    }

    void forget(long accumulator, String group) {
        byAccumulator.remove(accumulator);
        SparkClusterSession.SparkJob job = byGroup.remove(group);
        byStage.values().removeIf(j -> j == job);
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String group = start.properties() == null ? null : start.properties().getProperty(SparkClusterSession.JOB_GROUP);
        SparkClusterSession.SparkJob job = group == null ? null : byGroup.get(group);
        if (job != null) {
            for (Object stage : CollectionConverters.asJava(start.stageIds())) {
                byStage.put((Integer) stage, job);
            }
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                SparkClusterSession.SparkJob job = byAccumulator.get(info.id());
                if (job != null && info.update().isDefined() && info.update().get() instanceof ProgressNote n) {
                    job.progress(n);
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskEndReason reason = end.reason();
        if (reason == Success$.MODULE$ || reason instanceof TaskKilled || !(reason instanceof TaskFailedReason failed)) {
            return;
        }
        SparkClusterSession.SparkJob job = byStage.get(end.stageId());
        if (job != null) {
            job.lost(end.taskInfo().index(), end.taskInfo().attemptNumber(), end.taskInfo().executorId(),
                    end.taskInfo().host(), failed.toErrorString());
        }
    }
}
