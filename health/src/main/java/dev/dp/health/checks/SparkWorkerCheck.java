package dev.dp.health.checks;

import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Step 10, spark-worker: the worker is registered ALIVE with the master, its free cores and memory,
 * and no application waits for resources. A Spark application without an executor waits silently
 * forever; this is where it shows, with what the worker has left to offer.
 */
public final class SparkWorkerCheck implements HealthCheck<SparkWorkerCheck.Observation> {

  static final String SERVICE = "spark-worker";

  /**
   * What the probe saw.
   *
   * @param uiPort the worker's web UI port (how the master names it)
   * @param error why the master did not answer, or empty
   * @param status the master's status, empty on error
   */
  public record Observation(int uiPort, String error, Optional<SparkMasterStatus> status) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(10, "Spark Worker", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    int port = ctx.config().port(SERVICE, "ui");
    try {
      return new Observation(port, "", Optional.of(SparkMasterStatus.fetch(ctx)));
    } catch (IOException e) {
      return new Observation(port, Text.error(e), Optional.empty());
    }
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    String logs = "./dp logs dp_spark_worker";
    if (o.status().isEmpty()) {
      return Verdict.fail(
          "the master does not answer, so the worker's registration is unknown: " + o.error(),
          "see step 9 (spark-master)");
    }
    SparkMasterStatus s = o.status().get();
    Optional<SparkMasterStatus.Worker> found = s.workerOnUiPort(o.uiPort());
    if (found.isEmpty()) {
      return Verdict.fail(
          "the worker (web UI port " + o.uiPort() + ") is not registered with the master", logs);
    }
    SparkMasterStatus.Worker w = found.get();
    if (!w.alive()) {
      return Verdict.fail("the master sees the worker " + w.state() + ", not ALIVE", logs);
    }
    String offers =
        w.coresFree()
            + " of "
            + w.cores()
            + " cores and "
            + w.memoryFreeMb()
            + " of "
            + w.memoryMb()
            + " MB free";
    List<SparkMasterStatus.App> waiting =
        s.apps().stream().filter(SparkMasterStatus.App::waitingForResources).toList();
    Verdict v;
    if (!waiting.isEmpty()) {
      SparkMasterStatus.App a = waiting.get(0);
      v =
          Verdict.fail(
              waiting.stream().map(SparkMasterStatus.App::name).toList()
                  + " wait(s) for executors and do no work: the worker has "
                  + offers
                  + ", "
                  + a.name()
                  + " needs "
                  + a.memoryPerExecutorMb()
                  + " MB per executor",
              "free resources (dp.spark.worker.cores, dp.spark.worker.memory) or stop an"
                  + " application; "
                  + logs);
    } else {
      v =
          Verdict.pass(
              "worker ALIVE with "
                  + offers
                  + "; executors of "
                  + s.apps().stream()
                      .map(
                          a ->
                              a.name() + " (" + a.cores() + (a.cores() == 1 ? " core)" : " cores)"))
                      .toList());
    }
    return v.with("worker", w.id())
        .with("cores", w.cores())
        .with("cores_free", w.coresFree())
        .with("memory_mb", w.memoryMb())
        .with("memory_free_mb", w.memoryFreeMb())
        .with(
            "waiting_applications",
            waiting.isEmpty() ? null : waiting.stream().map(SparkMasterStatus.App::name).toList());
  }
}
