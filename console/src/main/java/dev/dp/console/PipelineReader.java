package dev.dp.console;

import dev.dp.bench.LiveFreshness;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.ProgressFile;
import dev.dp.process.GoldTable;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.IngestReport;
import dev.dp.stack.Launchers;
import dev.dp.stack.PipelineCatchUp;
import dev.dp.stack.ServiceState;
import dev.dp.stack.ServiceStatus;
import dev.dp.stack.SparkJobLauncher;
import dev.dp.stack.Supervisor;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the {@link PipelineView} from the same sources {@code dp status} reads (pid files,
 * progress files, visibility logs) plus read-only counts in the databases and Kafka's offsets.
 */
final class PipelineReader {

  private static final String INGEST_SERVICE = "spark-job-ingest";

  private final DpConfig config;
  private final KafkaReader kafka;
  private final Supervisor supervisor;

  PipelineReader(DpConfig config, KafkaReader kafka) {
    this.config = config;
    this.kafka = kafka;
    // Only its read side (status) is used: the console starts and stops nothing.
    this.supervisor = new Supervisor(config, Launchers.standard(), line -> {});
  }

  PipelineView read() {
    List<String> problems = new ArrayList<>();
    List<ServiceStatus> status = supervisor.status();
    List<PipelineView.ServiceRow> services = status.stream().map(PipelineReader::row).toList();
    long rss =
        status.stream()
            .filter(s -> s.state() == ServiceState.RUNNING)
            .mapToLong(s -> Math.max(0, s.rssBytes()))
            .sum();
    DatabaseEndpoint source = DatabaseEndpoint.of(config, "postgres-source");
    DatabaseEndpoint dest = DatabaseEndpoint.of(config, "postgres-dest");
    ReplicationSlot slot =
        attempt(problems, "postgres-source slot", () -> ReplicationSlot.read(source).orElse(null));
    Map<String, Long> sourceRows =
        attempt(problems, "postgres-source", () -> RowCounts.source(source));
    Map<String, Long> goldRows = attempt(problems, "postgres-dest", () -> RowCounts.gold(dest));
    RowCounts.Watermark watermark =
        attempt(problems, "postgres-dest watermark", () -> RowCounts.watermark(dest));
    Map<String, Long> topicMessages = attempt(problems, "kafka", this::topicMessages);
    IngestReport ingest = IngestReport.read(config).orElse(null);
    Optional<ProcessProgress> process = PipelineCatchUp.processProgress(config);
    LiveFreshness freshness = LiveFreshness.read(config, Instant.now());

    List<PipelineView.SourceTableRow> tables = new ArrayList<>();
    for (String table : SourceTables.NAMES) {
      IngestReport.TableProgress p =
          ingest == null
              ? null
              : ingest.tables().stream()
                  .filter(t -> t.table().equals(table))
                  .findFirst()
                  .orElse(null);
      tables.add(
          new PipelineView.SourceTableRow(
              table,
              sourceRows == null ? null : sourceRows.get(table),
              topicMessages == null ? null : topicMessages.get(table),
              p == null ? 0 : p.rowsApplied(),
              p == null ? 0 : p.changesIgnored(),
              p == null ? null : p.lastSourceCommit(),
              p == null ? null : p.lag()));
    }
    List<PipelineView.GoldTableRow> gold = new ArrayList<>();
    for (GoldTable g : GoldTable.values()) {
      ProcessProgress.TableChange change =
          process
              .map(ProcessProgress::lastRefresh)
              .map(r -> r.tables().get(g.tableName()))
              .orElse(null);
      gold.add(
          new PipelineView.GoldTableRow(
              g.tableName(),
              goldRows == null ? null : goldRows.get(g.tableName()),
              change == null ? null : change.upserted(),
              change == null ? null : change.deleted()));
    }
    return new PipelineView(
        Instant.now(),
        services,
        rss,
        slot,
        ingest,
        process.orElse(null),
        freshness,
        tables,
        gold,
        watermark,
        ingest == null ? 0 : ingest.quarantined(),
        problems);
  }

  /** The ingest job's offsets as a consumer group (it commits none to Kafka). */
  ConsumerGroupView ingestCheckpoint() throws Exception {
    ServiceSpec job = config.catalog().require(INGEST_SERVICE);
    String state =
        supervisor.status().stream()
            .filter(s -> s.service().equals(INGEST_SERVICE))
            .map(s -> s.state().label())
            .findFirst()
            .orElse("unknown");
    String note =
        "Spark keeps the job's Kafka offsets in its checkpoint and commits none to a consumer"
            + " group; these are the offsets its progress file reports after each micro-batch";
    Optional<IngestProgress> progress;
    try {
      progress =
          ProgressFile.read(
              SparkJobLauncher.progressFile(config, job.container()), IngestProgress.class);
    } catch (UncheckedIOException beingReplaced) {
      progress = Optional.empty();
    }
    if (progress.isEmpty()) {
      return new ConsumerGroupView(
          INGEST_SERVICE, "checkpoint", state, List.of(), List.of(), null, note);
    }
    Map<String, Long> next = progress.get().nextOffsets();
    List<ConsumerGroupView.PartitionLag> lags = new ArrayList<>();
    for (Map.Entry<String, Long> e : kafka.endOffsets(SourceTables.topics()).entrySet()) {
      int colon = e.getKey().lastIndexOf(':');
      long committed = next.getOrDefault(e.getKey(), 0L);
      lags.add(
          new ConsumerGroupView.PartitionLag(
              e.getKey().substring(0, colon),
              Integer.parseInt(e.getKey().substring(colon + 1)),
              committed,
              e.getValue(),
              Math.max(0, e.getValue() - committed)));
    }
    return new ConsumerGroupView(
        INGEST_SERVICE,
        "checkpoint",
        state,
        List.of(),
        lags,
        lags.stream().mapToLong(ConsumerGroupView.PartitionLag::lag).sum(),
        note);
  }

  private Map<String, Long> topicMessages() throws Exception {
    Map<String, Long> out = new java.util.HashMap<>();
    for (TopicSummary t : kafka.topics()) {
      if (t.sourceTable() != null) {
        out.put(t.sourceTable(), t.messages());
      }
    }
    return out;
  }

  private static PipelineView.ServiceRow row(ServiceStatus s) {
    return new PipelineView.ServiceRow(
        s.service(),
        s.container(),
        s.layer(),
        s.state().label(),
        s.pid() > 0 ? s.pid() : null,
        s.ports(),
        s.uptimeSeconds() >= 0 ? s.uptimeSeconds() : null,
        s.rssBytes() >= 0 ? s.rssBytes() : null,
        s.note());
  }

  private static <T> T attempt(
      List<String> problems, String what, java.util.concurrent.Callable<T> read) {
    try {
      return read.call();
    } catch (Exception e) {
      problems.add(what + ": " + e.getMessage());
      return null;
    }
  }
}
