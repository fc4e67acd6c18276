package dev.dp.health;

import dev.dp.stack.LogFiles;
import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A catalog service's process as the supervisor sees it when {@code dp health} starts: its state,
 * pid, uptime, restarts, how its last process ended and, for a process that is gone, the last line
 * of its log that looks like an error.
 *
 * @param service service name
 * @param container container name (names the log: {@code ./dp logs <container>})
 * @param state the supervisor's state
 * @param pid the live pid, or {@link ServiceStatus#UNKNOWN}
 * @param uptimeSeconds seconds since start, or {@link ServiceStatus#UNKNOWN}
 * @param log the log file
 * @param restarts restarts the watchdog made
 * @param lastExit how the last process ended, or empty
 * @param lastError the last error-like log line of its last run (only for a process that is gone),
 *     or empty
 */
public record ServiceProcess(
    String service,
    String container,
    ServiceState state,
    long pid,
    long uptimeSeconds,
    Path log,
    int restarts,
    String lastExit,
    String lastError) {

  private static final int LOG_LINES_SCANNED = 300;
  private static final Pattern ERROR_LINE =
      Pattern.compile("ERROR|FATAL|Exception|Error:|\\bfailed\\b|Caused by");

  /** Whether the process is alive. */
  public boolean running() {
    return state == ServiceState.RUNNING;
  }

  /** The process of a status row; reads the log's tail only when the process is gone. */
  public static ServiceProcess of(ServiceStatus s) {
    Path log = Path.of(s.log());
    boolean gone = s.runsLocally() && s.state() != ServiceState.RUNNING;
    return new ServiceProcess(
        s.service(),
        s.container(),
        s.state(),
        s.pid(),
        s.uptimeSeconds(),
        log,
        s.restarts(),
        s.lastExit(),
        gone ? lastErrorLine(LogFiles.tailOfLastRun(log, LOG_LINES_SCANNED)) : "");
  }

  /** The last line of {@code lines} that looks like an error, trimmed; empty when none does. */
  static String lastErrorLine(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (ERROR_LINE.matcher(line).find()) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
      }
    }
    return "";
  }

  /** {@code ./dp logs <container> (<log path>)}: where to look. */
  public String logHint() {
    return "./dp logs " + container + " (" + log + ")";
  }
}
