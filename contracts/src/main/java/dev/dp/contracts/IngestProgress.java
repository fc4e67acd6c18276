package dev.dp.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code spark-job-ingest} reports after every micro-batch ({@code
 * DP_HOME/run/dp_spark_ingest.progress.json}). Spark's checkpoint stays the source of truth for
 * recovery; this is for people and for readers such as {@code dp status}.
 *
 * @param batchId the last micro-batch applied, -1 before the first
 * @param updatedAt when the file was written
 * @param quarantined events sent to quarantine since the job started
 * @param tables per source table, what was applied
 * @param nextOffsets per {@code topic:partition}, the next Kafka offset the job will read
 */
public record IngestProgress(
    long batchId,
    Instant updatedAt,
    long quarantined,
    Map<String, Table> tables,
    Map<String, Long> nextOffsets) {

  public IngestProgress {
    tables = tables == null ? Map.of() : new TreeMap<>(tables);
    nextOffsets = nextOffsets == null ? Map.of() : new TreeMap<>(nextOffsets);
  }

  /** True once a micro-batch has been applied. */
  public boolean anyBatchApplied() {
    return batchId >= 0;
  }

  /**
   * One source table's part of the progress.
   *
   * @param rowsApplied silver rows written since the job started
   * @param changesIgnored changes older than or equal to what silver held (replays)
   * @param lastSequence the silver sequence of the newest applied change, or null
   * @param lastLsn the LSN of that change, or null
   * @param lastSourceCommit the source commit time of the newest change seen, or null
   */
  public record Table(
      long rowsApplied,
      long changesIgnored,
      String lastSequence,
      String lastLsn,
      Instant lastSourceCommit) {}
}
