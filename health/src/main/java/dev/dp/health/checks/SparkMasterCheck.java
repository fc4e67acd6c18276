package dev.dp.health.checks;

import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.io.IOException;
import java.util.Optional;

/**
 * Step 9, spark-master: the master answers its JSON status and is ALIVE; the workers registered and
 * alive, cores in use and the applications it runs. Whether those applications get executors is the
 * worker's part (step 10).
 */
public final class SparkMasterCheck implements HealthCheck<SparkMasterCheck.Observation> {

  static final String SERVICE = "spark-master";

  /**
   * What the probe saw.
   *
   * @param url the master's status URL
   * @param error why it did not answer, or empty
   * @param status its status, empty on error
   */
  public record Observation(String url, String error, Optional<SparkMasterStatus> status) {}

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(9, "Spark Master", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    String url = ctx.url(SERVICE, "ui") + "/json/";
    try {
      return new Observation(url, "", Optional.of(SparkMasterStatus.fetch(ctx)));
    } catch (IOException e) {
      return new Observation(url, Text.error(e), Optional.empty());
    }
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    String logs = "./dp logs dp_spark_master";
    if (o.status().isEmpty()) {
      return Verdict.fail("the master does not answer " + o.url() + ": " + o.error(), logs);
    }
    SparkMasterStatus s = o.status().get();
    int cores = s.aliveWorkers().stream().mapToInt(SparkMasterStatus.Worker::cores).sum();
    int free = s.aliveWorkers().stream().mapToInt(SparkMasterStatus.Worker::coresFree).sum();
    Verdict v =
        "ALIVE".equals(s.status())
            ? Verdict.pass(
                "master ALIVE: "
                    + s.aliveWorkers().size()
                    + " of "
                    + s.workers().size()
                    + " registered worker(s) alive, "
                    + (cores - free)
                    + " of "
                    + cores
                    + " cores in use, "
                    + s.apps().size()
                    + " application(s): "
                    + s.apps().stream().map(a -> a.name() + " " + a.state()).toList())
            : Verdict.fail("the master is " + s.status() + ", not ALIVE", logs);
    return v.with("status", s.status())
        .with("workers_alive", s.aliveWorkers().size())
        .with("workers_registered", s.workers().size())
        .with("cores", cores)
        .with("cores_used", cores - free)
        .with("applications", s.apps().stream().map(SparkMasterStatus.App::name).toList());
  }
}
