package dev.dp.ingest.spark;

import dev.dp.ingest.Quarantined;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Events that cannot be applied, with the reason, the raw bytes and the Kafka position, in {@code
 * quarantine.events} ({@code /data/delta/quarantine/events}). Nothing is dropped silently.
 */
final class QuarantineWriter {

  static final String COLUMNS =
      "kafka_topic STRING, kafka_partition INT, kafka_offset BIGINT, kafka_timestamp TIMESTAMP,"
          + " record_key BINARY, record_value BINARY, reason STRING, detail STRING,"
          + " quarantined_at TIMESTAMP, batch_id BIGINT";
  private static final StructType SCHEMA = StructType.fromDDL(COLUMNS);

  private final SparkSession spark;
  private final String runId;

  QuarantineWriter(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
    spark.sql("CREATE DATABASE IF NOT EXISTS " + IngestTables.QUARANTINE_DB);
    DeltaWrites.ensureTable(
        spark, IngestTables.quarantineTable(), IngestTables.quarantinePath(), COLUMNS);
  }

  /** Appends the batch's rejected records. */
  void write(List<Rejected> rejected, long batchId) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>(rejected.size());
    for (Rejected x : rejected) {
      KafkaRecord r = x.record();
      rows.add(
          RowFactory.create(
              r.topic(),
              r.partition(),
              r.offset(),
              r.timestamp(),
              r.key(),
              r.value(),
              x.why().reason().name(),
              x.why().message(),
              now,
              batchId));
    }
    DeltaWrites.appendOnce(
        spark,
        rows,
        SCHEMA,
        IngestTables.quarantinePath(),
        "dp-ingest-quarantine-" + runId,
        batchId);
  }

  /** A record and why it was rejected. */
  record Rejected(KafkaRecord record, Quarantined why) {}
}
