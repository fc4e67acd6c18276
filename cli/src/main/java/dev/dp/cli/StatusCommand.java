package dev.dp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dp.bench.LiveFreshness;
import dev.dp.catalog.DpConfig;
import dev.dp.contracts.Json;
import dev.dp.contracts.ProcessProgress;
import dev.dp.stack.IngestReport;
import dev.dp.stack.PipelineCatchUp;
import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import dev.dp.stack.Supervisor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dp status}: one row per catalog service. */
@Command(
    name = "status",
    description = {
      "Show every service (state, pid, ports, uptime, memory) and the ingest job's progress",
      "per table (rows applied, last source commit and LSN, Kafka lag), and per-change",
      "freshness per stage (latest, and p50/p99 over the last 5 minutes)."
    })
final class StatusCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DpConfig config = stack.config();
    Supervisor supervisor = StackOptions.supervisor(config);
    List<ServiceStatus> rows = supervisor.status();
    Optional<ProcessHandle> watchdog = supervisor.watchdog();
    Optional<IngestReport> ingest = IngestReport.read(config);
    LiveFreshness freshness = LiveFreshness.read(config, Instant.now());
    if (json) {
      System.out.println(
          toJson(rows, watchdog, ingest, PipelineCatchUp.processProgress(config), freshness));
    } else {
      System.out.print(StatusTable.render(rows));
      System.out.println(
          watchdog
              .map(h -> "watchdog: running (pid " + h.pid() + "), restarts services that die")
              .orElse("watchdog: not running; services that die stay down (./dp up starts it)"));
      ingest.ifPresent(r -> System.out.print(StatusTable.render(r, Instant.now())));
      PipelineCatchUp.processProgress(config)
          .ifPresent(p -> System.out.print(StatusTable.renderProcess(p, Instant.now())));
      System.out.print(FreshnessLines.render(freshness));
    }
    return 0;
  }

  static String toJson(
      List<ServiceStatus> rows,
      Optional<ProcessHandle> watchdog,
      Optional<IngestReport> ingest,
      Optional<ProcessProgress> process,
      LiveFreshness freshness)
      throws Exception {
    List<Map<String, Object>> services =
        rows.stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("service", r.service());
                  m.put("container", r.container());
                  m.put("layer", r.layer());
                  m.put("state", r.state().label());
                  m.put("pid", r.pid() > 0 ? r.pid() : null);
                  m.put("ports", r.ports());
                  m.put("uptime_seconds", r.uptimeSeconds() >= 0 ? r.uptimeSeconds() : null);
                  m.put("rss_bytes", r.rssBytes() >= 0 ? r.rssBytes() : null);
                  m.put("log", r.log());
                  m.put("restarts", r.restarts());
                  m.put("last_exit", r.lastExit().isEmpty() ? null : r.lastExit());
                  if (!r.note().isEmpty()) {
                    m.put("note", r.note());
                  }
                  return m;
                })
            .collect(Collectors.toList());
    long total =
        rows.stream()
            .filter(r -> r.state() == ServiceState.RUNNING)
            .mapToLong(r -> Math.max(0, r.rssBytes()))
            .sum();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("services", services);
    root.put("total_rss_bytes", total);
    root.put("watchdog_pid", watchdog.map(ProcessHandle::pid).orElse(null));
    ingest.ifPresent(r -> root.put("ingest", ingestJson(r)));
    process.ifPresent(p -> root.put("process", Json.mapper().valueToTree(p)));
    root.put("freshness", Json.mapper().valueToTree(freshness));
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
  }

  private static Map<String, Object> ingestJson(IngestReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("batch_id", report.batchId());
    m.put("updated_at", report.updatedAt() == null ? null : report.updatedAt().toString());
    m.put("quarantined", report.quarantined());
    m.put("kafka_lag", report.totalLag());
    List<Map<String, Object>> tables = new ArrayList<>();
    for (IngestReport.TableProgress t : report.tables()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("table", t.table());
      row.put("rows_applied", t.rowsApplied());
      row.put("changes_ignored", t.changesIgnored());
      row.put(
          "last_source_commit",
          t.lastSourceCommit() == null ? null : t.lastSourceCommit().toString());
      row.put("last_lsn", t.lastLsn());
      row.put("kafka_lag", t.lag());
      tables.add(row);
    }
    m.put("tables", tables);
    return m;
  }
}
