package dev.dp.health.checks;

import dev.dp.health.Verdict;
import java.util.Optional;

/** What the Spark job steps say about their application on the standalone master. */
final class SparkApps {

  private SparkApps() {}

  /**
   * The FAIL (or WARN while it starts) of a job whose application is not registered or has no
   * executor; empty when it has executors or the master could not be asked.
   */
  static Optional<Verdict> withoutExecutors(
      String service, Optional<SparkMasterStatus> master, boolean starting, String logHint) {
    if (master.isEmpty()) {
      return Optional.empty();
    }
    Optional<SparkMasterStatus.App> app = master.get().app(service);
    if (app.isEmpty()) {
      return Optional.of(
          starting
              ? Verdict.warn("starting: not registered with spark-master yet", logHint)
              : Verdict.fail(
                  "its driver runs but no application "
                      + service
                      + " is registered with"
                      + " spark-master",
                  logHint));
    }
    if (app.get().waitingForResources()) {
      return Optional.of(
          Verdict.fail(
              "its application has no executor: it waits for resources and does no work",
              "see step 10 (spark-worker)"));
    }
    return Optional.empty();
  }
}
