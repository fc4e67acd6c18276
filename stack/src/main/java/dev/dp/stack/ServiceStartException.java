package dev.dp.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * A service could not be started. The message names the service, the cause and where its log is,
 * and includes the log's last lines.
 */
public final class ServiceStartException extends RuntimeException {

  private final String service;

  public ServiceStartException(String service, String cause, Path log, List<String> logTail) {
    super(format(service, cause, log, logTail));
    this.service = service;
  }

  public ServiceStartException(String service, String cause) {
    super(service + ": " + cause);
    this.service = service;
  }

  /** The service that failed. */
  public String service() {
    return service;
  }

  private static String format(String service, String cause, Path log, List<String> tail) {
    StringBuilder sb = new StringBuilder();
    sb.append(service).append(": ").append(cause);
    if (log != null) {
      sb.append(System.lineSeparator()).append("  log: ").append(log);
    }
    if (tail != null && !tail.isEmpty()) {
      sb.append(System.lineSeparator()).append("  last lines of the log:");
      for (String line : tail) {
        sb.append(System.lineSeparator()).append("    | ").append(line);
      }
    }
    return sb.toString();
  }
}
