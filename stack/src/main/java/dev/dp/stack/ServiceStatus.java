package dev.dp.stack;

import java.util.List;

/**
 * One row of {@code dp status}.
 *
 * @param service service name
 * @param container container name
 * @param layer inventory layer
 * @param state state
 * @param pid process id, or {@link #UNKNOWN}
 * @param ports effective ports
 * @param uptimeSeconds seconds since start, or {@link #UNKNOWN}
 * @param rssBytes resident memory of the process and its children, or {@link #UNKNOWN}
 * @param log path of the log
 * @param note why the service is not local, the last lines of its log when it is in a crash loop,
 *     or empty
 * @param restarts restarts the watchdog made
 * @param lastExit how its last process ended, or empty when none ended
 */
public record ServiceStatus(
    String service,
    String container,
    String layer,
    ServiceState state,
    long pid,
    List<Integer> ports,
    long uptimeSeconds,
    long rssBytes,
    String log,
    String note,
    int restarts,
    String lastExit) {

  /** Whether the local twin runs this service (so restarts apply). */
  public boolean runsLocally() {
    return state != ServiceState.PLANNED && state != ServiceState.COMPOSE_ONLY;
  }

  /** The value of a figure (pid, uptime, memory) there is none of: no process runs. */
  public static final long UNKNOWN = -1;

  /** A row of a service that has no live process, so no pid, uptime or memory. */
  static ServiceStatus withoutProcess(
      String service,
      String container,
      String layer,
      ServiceState state,
      List<Integer> ports,
      String log,
      String note,
      RestartHistory history) {
    return new ServiceStatus(
        service,
        container,
        layer,
        state,
        UNKNOWN,
        ports,
        UNKNOWN,
        UNKNOWN,
        log,
        note,
        history.restarts(),
        lastExit(history));
  }

  static String lastExit(RestartHistory history) {
    return history.lastExit() == null ? "" : history.lastExit().describe();
  }
}
