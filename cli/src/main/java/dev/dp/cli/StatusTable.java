package dev.dp.cli;

import dev.dp.contracts.ProcessProgress;
import dev.dp.stack.IngestReport;
import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Renders {@code dp status} as an aligned text table. */
final class StatusTable {

  private StatusTable() {}

  static String render(List<ServiceStatus> rows) {
    TextTable table =
        new TextTable(
            "SERVICE",
            "CONTAINER",
            "STATE",
            "PID",
            "PORTS",
            "UPTIME",
            "RSS",
            "RESTARTS",
            "LAST EXIT");
    StringBuilder crashLoops = new StringBuilder();
    long total = 0;
    for (ServiceStatus r : rows) {
      if (r.state() == ServiceState.RUNNING && r.rssBytes() > 0) {
        total += r.rssBytes();
      }
      table.row(
          r.service(),
          r.container(),
          r.state().label(),
          r.pid() > 0 ? Long.toString(r.pid()) : "-",
          r.ports().isEmpty()
              ? "-"
              : r.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
          r.uptimeSeconds() >= 0 ? duration(r.uptimeSeconds()) : "-",
          r.rssBytes() >= 0 ? megabytes(r.rssBytes()) : "-",
          r.runsLocally() ? Integer.toString(r.restarts()) : "-",
          r.lastExit().isEmpty() ? "-" : r.lastExit());
      if (r.state() == ServiceState.CRASH_LOOP) {
        crashLoops
            .append(System.lineSeparator())
            .append(r.service())
            .append(" keeps dying (")
            .append(r.lastExit())
            .append("); the watchdog stopped restarting it. Fix the cause, then ./dp up ")
            .append(r.service())
            .append(". Last lines of ")
            .append(r.log())
            .append(':')
            .append(System.lineSeparator())
            .append(r.note().indent(2));
      }
    }
    return table.render()
        + "total RSS of running services: "
        + megabytes(total)
        + System.lineSeparator()
        + crashLoops;
  }

  /** The ingest job's per-table progress and Kafka lag. */
  static String render(IngestReport report, Instant now) {
    StringBuilder sb = new StringBuilder();
    sb.append(System.lineSeparator())
        .append("spark-job-ingest: ")
        .append(
            report.batchId() < 0
                ? "no micro-batch committed yet"
                : "micro-batch " + report.batchId() + " committed " + ago(report.updatedAt(), now))
        .append(", ")
        .append(report.quarantined())
        .append(" event(s) quarantined, Kafka lag ")
        .append(
            report.lagKnown() ? report.totalLag() + " record(s)" : "unknown (Kafka not reachable)")
        .append(System.lineSeparator());
    TextTable table =
        new TextTable(
            "TABLE",
            "ROWS APPLIED",
            "REPLAYS IGNORED",
            "LAST SOURCE COMMIT",
            "AGE",
            "LAST LSN",
            "KAFKA LAG");
    for (IngestReport.TableProgress t : report.tables()) {
      table.row(
          t.table(),
          Long.toString(t.rowsApplied()),
          Long.toString(t.changesIgnored()),
          t.lastSourceCommit() == null ? "-" : t.lastSourceCommit().toString(),
          t.lastSourceCommit() == null ? "-" : ago(t.lastSourceCommit(), now),
          t.lastLsn() == null ? "-" : t.lastLsn(),
          t.lag() == null ? "?" : t.lag().toString());
    }
    return sb.append(table.render()).toString();
  }

  /** The process job's last check and refresh. */
  static String renderProcess(ProcessProgress progress, Instant now) {
    StringBuilder sb = new StringBuilder(System.lineSeparator()).append("spark-job-process: ");
    sb.append(progress.refreshes()).append(" gold refresh(es) since start; ");
    if (progress.upToDate()) {
      sb.append("gold up to date with silver");
    } else if (progress.refreshingTo() != null) {
      sb.append("refreshing gold now");
    } else {
      sb.append("waiting for silver tables ").append(String.join(",", progress.waitingFor()));
    }
    sb.append(" (checked ").append(ago(progress.checkedAt(), now)).append(')');
    sb.append(System.lineSeparator());
    ProcessProgress.Refresh last = progress.lastRefresh();
    if (last != null) {
      sb.append("last refresh (")
          .append(last.mode())
          .append(") committed ")
          .append(ago(last.committedAt(), now))
          .append(String.format(" in %.1f s:", last.seconds()));
      last.tables()
          .forEach(
              (table, change) ->
                  sb.append(' ')
                      .append(table)
                      .append(" +")
                      .append(change.upserted())
                      .append("/-")
                      .append(change.deleted()));
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  private static String ago(Instant then, Instant now) {
    return then == null
        ? "-"
        : duration(Math.max(0, Duration.between(then, now).toSeconds())) + " ago";
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
