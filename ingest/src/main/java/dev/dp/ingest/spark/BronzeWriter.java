package dev.dp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.dp.catalog.SourceTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Bronze: every change event as it came, in one Delta table {@code bronze.changes} at {@code
 * /data/delta/bronze/changes} partitioned by source table, appended exactly once per micro-batch
 * (one commit for all 15 tables instead of one per table). {@code bronze.<table>} is a view of one
 * table's partition with the columns of a per-table bronze table.
 */
final class BronzeWriter {

  static final String COLUMNS =
      "kafka_topic STRING, kafka_partition INT, kafka_offset BIGINT, kafka_timestamp TIMESTAMP,"
          + " record_key STRING, op STRING, source_sequence STRING, committed_at TIMESTAMP,"
          + " envelope STRING, batch_id BIGINT";
  private static final String[] COLUMN_NAMES = {
    "kafka_topic",
    "kafka_partition",
    "kafka_offset",
    "kafka_timestamp",
    "record_key",
    "op",
    "source_sequence",
    "committed_at",
    "envelope",
    "batch_id"
  };

  private final SparkSession spark;
  private final String runId;

  BronzeWriter(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
    spark.sql(
        "CREATE TABLE IF NOT EXISTS "
            + IngestTables.bronzeTable()
            + " ("
            + COLUMNS
            + ", "
            + ParsedRecords.TABLE
            + " STRING) USING DELTA PARTITIONED BY ("
            + ParsedRecords.TABLE
            + ") LOCATION '"
            + IngestTables.bronzePath()
            + "'");
    for (String table : SourceTables.NAMES) {
      spark.sql(
          "CREATE OR REPLACE VIEW "
              + IngestTables.bronzeView(table)
              + " AS SELECT "
              + String.join(", ", COLUMN_NAMES)
              + " FROM "
              + IngestTables.bronzeTable()
              + " WHERE "
              + ParsedRecords.TABLE
              + " = '"
              + table
              + "'");
    }
  }

  /** Appends the batch's change events and truncates of every table (exactly once per batch id). */
  void write(Dataset<Row> parsed, long batchId) {
    Dataset<Row> changes =
        parsed
            .filter(
                col(ParsedRecords.KIND)
                    .isin(ParsedRecords.Kind.CHANGE.name(), ParsedRecords.Kind.TRUNCATE.name()))
            .select(
                ParsedRecords.withKafkaPosition(
                    col("record_key").cast("string").as("record_key"),
                    col("op"),
                    col("source_sequence"),
                    col("committed_at"),
                    col("record_value").cast("string").as("envelope"),
                    lit(batchId).as("batch_id"),
                    col(ParsedRecords.TABLE)));
    DeltaWrites.appendOnce(
        changes, IngestTables.bronzePath(), "dp-ingest-bronze-" + runId, batchId);
  }
}
