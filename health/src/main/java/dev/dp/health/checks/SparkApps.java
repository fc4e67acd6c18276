package dev.dp.health.checks;

import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.nio.file.Path;
import java.time.Duration;
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

  /** What the steps of the two Spark jobs observe about the job before its progress. */
  interface JobObservation {
    /** The progress file the job writes. */
    Path progressFile();

    /** Whether the job reported progress. */
    boolean progressReported();

    /** The master's status, empty when it did not answer. */
    Optional<SparkMasterStatus> master();

    /** Where to look next (the job's log). */
    String logHint();

    /** How long the job's process has run. */
    Duration uptime();
  }

  /**
   * What a Spark job step says before it can read the job's progress: the verdict of {@link
   * #withoutExecutors}, else, when no progress was reported, a WARN while it starts and a FAIL
   * after that; empty when the job has executors and reported progress.
   */
  static Optional<Verdict> beforeProgress(String service, JobObservation o, boolean starting) {
    Optional<Verdict> noExecutor = withoutExecutors(service, o.master(), starting, o.logHint());
    if (noExecutor.isPresent() || o.progressReported()) {
      return noExecutor;
    }
    return Optional.of(
        starting
            ? Verdict.warn(
                "starting: no progress reported yet (" + o.progressFile() + ")", o.logHint())
            : Verdict.fail(
                "running for "
                    + Text.duration(o.uptime())
                    + " but it has reported no progress ("
                    + o.progressFile()
                    + ")",
                o.logHint()));
  }
}
