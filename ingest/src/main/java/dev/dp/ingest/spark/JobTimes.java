package dev.dp.ingest.spark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs of each step of a micro-batch and the time they took, so the batch's log
 * line says where its time went (a batch's cost is mostly per-job overhead, not data). A step is
 * named with {@link #step} on the thread that runs it.
 */
final class JobTimes extends SparkListener {

  private static final String STEP = "dp.ingest.step";

  /** Also split steps by Spark's job description ({@code -Ddp.ingest.job-detail=true}). */
  private static final boolean DETAIL = Boolean.getBoolean("dp.ingest.job-detail");

  private final Map<Integer, long[]> running = new ConcurrentHashMap<>(); // job -> {start}
  private final Map<Integer, String> stepOfJob = new ConcurrentHashMap<>();
  private final Map<String, long[]> steps = new ConcurrentHashMap<>(); // step -> {jobs, millis}

  /** Names the step whose jobs the calling thread submits from now on. */
  static void step(SparkContext sc, String name) {
    sc.setLocalProperty(STEP, name);
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    String step = start.properties() == null ? null : start.properties().getProperty(STEP);
    String what =
        start.properties() == null ? null : start.properties().getProperty("spark.job.description");
    if (DETAIL && what != null) {
      step = step + "[" + what.replaceAll("[0-9]+", "N").replaceAll("\\s+", " ") + "]";
    }
    running.put(start.jobId(), new long[] {start.time()});
    stepOfJob.put(start.jobId(), step == null ? "other" : step);
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    long[] started = running.remove(end.jobId());
    String step = stepOfJob.remove(end.jobId());
    if (started == null || step == null) {
      return;
    }
    long[] totals = steps.computeIfAbsent(step, s -> new long[2]);
    synchronized (totals) {
      totals[0]++;
      totals[1] += end.time() - started[0];
    }
  }

  /** {@code step: jobs/seconds} of everything since the last call, and starts afresh. */
  synchronized String drain() {
    Map<String, long[]> snapshot = new TreeMap<>(steps);
    steps.clear();
    StringBuilder sb = new StringBuilder();
    snapshot.forEach(
        (step, t) ->
            sb.append(sb.length() == 0 ? "" : ", ")
                .append(step)
                .append(' ')
                .append(t[0])
                .append(" jobs/")
                .append(String.format("%.1f s", t[1] / 1e3)));
    return sb.toString();
  }
}
