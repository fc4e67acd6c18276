package dev.dp.stack;

/** The state of a catalog service as {@code dp status} shows it. */
public enum ServiceState {
  RUNNING("running"),
  /** Started before but its process is gone (crashed, killed, or a job that ended). */
  EXITED("exited"),
  STOPPED("stopped"),
  /** Died; the watchdog restarts it after a backoff. */
  RESTARTING("restarting"),
  /** Died too often: the watchdog gave up until {@code dp up} starts it. */
  CRASH_LOOP("crash-loop"),
  /** A bounded job that ran to completion. */
  FINISHED("finished"),
  /** In the inventory, not yet runnable by the local twin. */
  PLANNED("not-yet-local"),
  /** Runs only in the compose deployment. */
  COMPOSE_ONLY("compose-only");

  private final String label;

  ServiceState(String label) {
    this.label = label;
  }

  /** The word shown to users and in JSON. */
  public String label() {
    return label;
  }
}
