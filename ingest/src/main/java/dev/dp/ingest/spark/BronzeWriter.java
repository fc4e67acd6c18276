package dev.dp.ingest.spark;

import dev.dp.ingest.ChangeEvent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze: every change event as it came, one Delta table per source table at {@code
 * /data/delta/bronze/<table>}, appended exactly once per micro-batch.
 */
final class BronzeWriter {

  static final String COLUMNS =
      "kafka_topic STRING, kafka_partition INT, kafka_offset BIGINT, kafka_timestamp TIMESTAMP,"
          + " record_key STRING, op STRING, source_sequence STRING, committed_at TIMESTAMP,"
          + " envelope STRING, batch_id BIGINT";
  private static final StructType SCHEMA = StructType.fromDDL(COLUMNS);

  private final SparkSession spark;
  private final String runId;
  private final Set<String> created = ConcurrentHashMap.newKeySet();

  BronzeWriter(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
  }

  /** Appends one table's events of the batch (exactly once per batch id). */
  void write(String table, List<Parsed> events, long batchId) {
    if (events.isEmpty()) {
      return;
    }
    if (created.add(table)) {
      DeltaWrites.ensureTable(
          spark, IngestTables.bronzeTable(table), IngestTables.bronzePath(table), COLUMNS);
    }
    List<Row> rows = new ArrayList<>(events.size());
    for (Parsed p : events) {
      ChangeEvent e = p.event();
      KafkaRecord r = p.record();
      rows.add(
          RowFactory.create(
              r.topic(),
              r.partition(),
              r.offset(),
              r.timestamp(),
              r.keyText(),
              e.op().name(),
              e.position().sortKey(),
              e.committedAt() == null ? null : Timestamp.from(e.committedAt()),
              r.valueText(),
              batchId));
    }
    DeltaWrites.appendOnce(
        spark,
        rows,
        SCHEMA,
        IngestTables.bronzePath(table),
        "dp-ingest-bronze-" + table + "-" + runId,
        batchId);
  }

  /** A parsed change event with the record it came from. */
  record Parsed(KafkaRecord record, ChangeEvent event) {}
}
