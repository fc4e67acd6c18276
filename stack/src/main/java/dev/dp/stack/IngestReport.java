package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProgressFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * Where {@code spark-job-ingest} stands, per source table: what it has applied to silver (from the
 * progress file the job rewrites after every micro-batch) and how far behind the topic it is (the
 * topic's end offsets from the broker minus the job's next offsets).
 *
 * @param batchId last committed micro-batch, -1 before the first
 * @param updatedAt when the job last wrote its progress
 * @param quarantined events quarantined since the job started
 * @param tables one row per source table, in catalog order
 * @param lagKnown false when the broker could not be asked (then every lag is null)
 */
public record IngestReport(
    long batchId,
    Instant updatedAt,
    long quarantined,
    List<TableProgress> tables,
    boolean lagKnown) {

  private static final int KAFKA_TIMEOUT_MS = 3_000;

  /**
   * One table's progress.
   *
   * @param table source table
   * @param rowsApplied silver rows written since the job started
   * @param changesIgnored keys whose changes were older than or equal to silver's (replays)
   * @param lastSourceCommit source commit time of the newest applied change, or null
   * @param lastLsn LSN of the newest applied change, or null
   * @param lag Kafka records of the table's topic not yet processed, or null when unknown
   */
  public record TableProgress(
      String table,
      long rowsApplied,
      long changesIgnored,
      Instant lastSourceCommit,
      String lastLsn,
      Long lag) {

    /** Source commit → now for the newest applied change; null before any. */
    public Duration sinceLastCommit(Instant now) {
      return lastSourceCommit == null ? null : Duration.between(lastSourceCommit, now);
    }
  }

  /** The report of the stack's ingest job, empty when it has not written progress yet. */
  public static Optional<IngestReport> read(DpConfig config) {
    return progress(config).map(p -> of(p, endOffsets(config)));
  }

  /** The ingest job's progress file as written, empty when absent or being rewritten. */
  public static Optional<IngestProgress> progress(DpConfig config) {
    Path file =
        SparkJobLauncher.progressFile(
            config, config.catalog().require("spark-job-ingest").container());
    try {
      return ProgressFile.read(file, IngestProgress.class);
    } catch (UncheckedIOException e) {
      return Optional.empty(); // being rewritten: the next call sees it
    }
  }

  /**
   * The report from the job's progress and the topics' end offsets ({@code topic:partition} to end
   * offset; empty when unknown, then every lag is null).
   */
  public static IngestReport of(IngestProgress progress, Map<String, Long> endOffsets) {
    List<TableProgress> tables = new ArrayList<>();
    IngestProgress.Table none = new IngestProgress.Table(0, 0, null, null, null);
    for (String table : SourceTables.NAMES) {
      IngestProgress.Table t = progress.tables().getOrDefault(table, none);
      String topic = SourceTables.topic(table);
      Long lag = null;
      if (!endOffsets.isEmpty()) {
        long consumed = 0;
        long end = 0;
        for (Map.Entry<String, Long> e : endOffsets.entrySet()) {
          if (e.getKey().startsWith(topic + ":")) {
            end += e.getValue();
            consumed += progress.nextOffsets().getOrDefault(e.getKey(), 0L);
          }
        }
        lag = Math.max(0, end - consumed);
      }
      tables.add(
          new TableProgress(
              table, t.rowsApplied(), t.changesIgnored(), t.lastSourceCommit(), t.lastLsn(), lag));
    }
    return new IngestReport(
        progress.batchId(),
        progress.updatedAt(),
        progress.quarantined(),
        tables,
        !endOffsets.isEmpty());
  }

  /** End offset per {@code topic:partition} of the 15 source topics; empty when Kafka is down. */
  private static Map<String, Long> endOffsets(DpConfig config) {
    List<String> topics = SourceTables.topics();
    try (Admin admin = KafkaAdmin.open(config, KAFKA_TIMEOUT_MS)) {
      return KafkaAdmin.endOffsets(admin, topics, KAFKA_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (Exception e) {
      return Map.of(); // Kafka down or slow: the report says the lag is unknown
    }
  }

  /** Total lag over all tables, or null when unknown. */
  public Long totalLag() {
    return lagKnown ? tables.stream().mapToLong(TableProgress::lag).sum() : null;
  }
}
