package dev.dp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import dev.dp.contracts.IngestProgress;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Quarantine: records that cannot be applied, with the reason, the raw key and value bytes and the
 * Kafka position, in {@code quarantine.events}; appended exactly once per micro-batch.
 */
final class QuarantineWriter {

  static final String COLUMNS =
      "kafka_topic STRING, kafka_partition INT, kafka_offset BIGINT, kafka_timestamp TIMESTAMP,"
          + " record_key BINARY, record_value BINARY, reason STRING, detail STRING,"
          + " quarantined_at TIMESTAMP, batch_id BIGINT";

  private final String runId;

  QuarantineWriter(SparkSession spark, String runId) {
    this.runId = runId;
    spark.sql("CREATE DATABASE IF NOT EXISTS " + IngestTables.QUARANTINE_DB);
    DeltaWrites.ensureTable(
        spark, IngestTables.quarantineTable(), IngestTables.quarantinePath(), COLUMNS);
  }

  /** Appends the batch's rejected records. */
  void write(Dataset<Row> parsed, long batchId) {
    Dataset<Row> rejected =
        ParsedRecords.ofKind(parsed, ParsedRecords.Kind.QUARANTINED)
            .select(
                ParsedRecords.withKafkaPosition(
                    col("record_key"),
                    col("record_value"),
                    col("reason"),
                    col("detail"),
                    current_timestamp().as("quarantined_at"),
                    lit(batchId).as("batch_id")));
    DeltaWrites.appendOnce(
        rejected, IngestTables.quarantinePath(), "dp-ingest-quarantine-" + runId, batchId);
  }

  /** The newest of the batch's rejected records, for the progress file (a few rows). */
  static java.util.List<IngestProgress.QuarantinedRecord> newest(
      Dataset<Row> parsed, long batchId) {
    return ParsedRecords.ofKind(parsed, ParsedRecords.Kind.QUARANTINED)
        .select(
            col("kafka_topic"),
            col("kafka_partition"),
            col("kafka_offset"),
            col("record_key").cast("string"),
            col("reason"),
            col("detail"))
        .orderBy(col("kafka_offset").desc())
        .limit(IngestProgress.RECENT_QUARANTINE)
        .collectAsList()
        .stream()
        .map(
            r ->
                new IngestProgress.QuarantinedRecord(
                    r.getString(0),
                    r.getInt(1),
                    r.getLong(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    batchId))
        .toList();
  }
}
