package dev.dp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.SourceTables;
import java.io.IOException;
import java.nio.file.Files;
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

  private static final ObjectMapper JSON = new ObjectMapper();
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
    Path file = SparkJobLauncher.progressFile(config, "dp_spark_ingest");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode progress;
    try {
      progress = JSON.readTree(file.toFile());
    } catch (IOException e) {
      return Optional.empty(); // being rewritten: the next call sees it
    }
    Map<String, Long> endOffsets = endOffsets(config);
    return Optional.of(of(progress, endOffsets));
  }

  /** The report from a progress document and the topics' end offsets (empty when unknown). */
  static IngestReport of(JsonNode progress, Map<String, Long> endOffsets) {
    JsonNode next = progress.path("next_offsets");
    List<TableProgress> tables = new ArrayList<>();
    for (String table : SourceTables.NAMES) {
      JsonNode t = progress.path("tables").path(table);
      String topic = SourceTables.topic(table);
      Long lag = null;
      if (!endOffsets.isEmpty()) {
        long consumed = 0;
        long end = 0;
        for (Map.Entry<String, Long> e : endOffsets.entrySet()) {
          if (e.getKey().startsWith(topic + ":")) {
            end += e.getValue();
            consumed += next.path(e.getKey()).asLong(0);
          }
        }
        lag = Math.max(0, end - consumed);
      }
      tables.add(
          new TableProgress(
              table,
              t.path("rows_applied").asLong(0),
              t.path("changes_ignored").asLong(0),
              t.hasNonNull("last_source_commit")
                  ? Instant.parse(t.get("last_source_commit").asText())
                  : null,
              t.hasNonNull("last_lsn") ? t.get("last_lsn").asText() : null,
              lag));
    }
    return new IngestReport(
        progress.path("batch_id").asLong(-1),
        progress.hasNonNull("updated_at")
            ? Instant.parse(progress.get("updated_at").asText())
            : null,
        progress.path("quarantined").asLong(0),
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
