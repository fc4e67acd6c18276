package dev.dp.health;

import java.util.Optional;

/**
 * The verdict on a local service whose process is not running, before anything is probed: stopped
 * on purpose ({@code dp down SERVICE}) says how to start it; died says how it ended and where its
 * log is. Either way the step FAILs: the pipeline is not healthy without it.
 */
public final class ProcessVerdicts {

  private ProcessVerdicts() {}

  /** The FAIL of a service that does not run, or empty when it runs. */
  public static Optional<Verdict> notRunning(ServiceProcess p) {
    String up = "./dp up " + p.service();
    Verdict v =
        switch (p.state()) {
          case RUNNING, PLANNED, COMPOSE_ONLY -> null;
          case STOPPED ->
              Verdict.fail(
                  p.service() + " is stopped (./dp down " + p.service() + ", or never started)",
                  "start it: " + up);
          case EXITED ->
              Verdict.fail(
                  p.service() + " died" + cause(p) + lastError(p), p.logHint() + ", then " + up);
          case RESTARTING ->
              Verdict.fail(
                  p.service()
                      + " died"
                      + cause(p)
                      + "; the watchdog restarts it (restarts so far: "
                      + p.restarts()
                      + ")"
                      + lastError(p),
                  p.logHint());
          case CRASH_LOOP ->
              Verdict.fail(
                  p.service() + " is crash-looping: the watchdog gave up" + cause(p) + lastError(p),
                  p.logHint() + ", fix the cause, then " + up);
          case FINISHED ->
              Verdict.fail(
                  p.service() + " ended (exit code 0) but is a service that should keep running",
                  p.logHint() + ", then " + up);
        };
    return Optional.ofNullable(v).map(f -> f.with("state", p.state().label()));
  }

  private static String cause(ServiceProcess p) {
    return p.lastExit().isEmpty() ? "" : " (" + p.lastExit() + ")";
  }

  private static String lastError(ServiceProcess p) {
    return p.lastError().isEmpty() ? "" : "; last error in its log: " + p.lastError();
  }
}
