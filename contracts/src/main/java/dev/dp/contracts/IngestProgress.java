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
 * @param recentQuarantine the newest quarantined records (at most {@link #RECENT_QUARANTINE}), so
 *     that {@code dp verify} can name the source changes the pipeline could not apply
 */
public record IngestProgress(
    long batchId,
    Instant updatedAt,
    long quarantined,
    Map<String, Table> tables,
    Map<String, Long> nextOffsets,
    java.util.List<QuarantinedRecord> recentQuarantine) {

  /** How many quarantined records the progress keeps. */
  public static final int RECENT_QUARANTINE = 20;

  public IngestProgress {
    tables = tables == null ? Map.of() : new TreeMap<>(tables);
    nextOffsets = nextOffsets == null ? Map.of() : new TreeMap<>(nextOffsets);
    recentQuarantine =
        recentQuarantine == null ? java.util.List.of() : java.util.List.copyOf(recentQuarantine);
  }

  /**
   * A Kafka record the job put in quarantine instead of applying it.
   *
   * @param topic its topic
   * @param partition its partition
   * @param offset its offset
   * @param key its key as text (the source row's primary key), or null
   * @param reason the quarantine reason code, e.g. {@code INVALID_VALUE}
   * @param detail what was wrong, for people
   * @param batchId the micro-batch that quarantined it
   */
  public record QuarantinedRecord(
      String topic,
      int partition,
      long offset,
      String key,
      String reason,
      String detail,
      long batchId) {

    /** One line for people: where the record is, its key and why it was not applied. */
    public String describe() {
      return topic
          + " partition "
          + partition
          + " offset "
          + offset
          + (key == null ? "" : " key " + key)
          + ": "
          + reason
          + " ("
          + detail
          + ")";
    }
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
