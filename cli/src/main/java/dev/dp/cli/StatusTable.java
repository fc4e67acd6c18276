package dev.dp.cli;

import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders {@code dp status} as an aligned text table. */
final class StatusTable {

  private static final String[] HEADERS = {
    "SERVICE", "CONTAINER", "STATE", "PID", "PORTS", "UPTIME", "RSS"
  };

  private StatusTable() {}

  static String render(List<ServiceStatus> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADERS);
    long total = 0;
    for (ServiceStatus r : rows) {
      if (r.state() == ServiceState.RUNNING && r.rssBytes() > 0) {
        total += r.rssBytes();
      }
      cells.add(
          new String[] {
            r.service(),
            r.container(),
            r.state().label(),
            r.pid() > 0 ? Long.toString(r.pid()) : "-",
            r.ports().isEmpty()
                ? "-"
                : r.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
            r.uptimeSeconds() >= 0 ? duration(r.uptimeSeconds()) : "-",
            r.rssBytes() >= 0 ? megabytes(r.rssBytes()) : "-"
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        sb.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      sb.setLength(sb.length() - 2);
      sb.append(System.lineSeparator());
    }
    sb.append("total RSS of running services: ")
        .append(megabytes(total))
        .append(System.lineSeparator());
    return sb.toString();
  }

  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + "m" + (seconds % 60) + "s";
    }
    return (seconds / 3600) + "h" + ((seconds % 3600) / 60) + "m";
  }

  static String megabytes(long bytes) {
    return (bytes / (1024 * 1024)) + " MB";
  }
}
