package dev.dp.ingest.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Idempotent Delta appends and table registration shared by the ingest writers. */
final class DeltaWrites {

  private DeltaWrites() {}

  /**
   * Creates the table in the metastore at {@code path} when missing ({@code columnsDdl} e.g. {@code
   * a STRING, b INT}).
   */
  static void ensureTable(SparkSession spark, String table, String path, String columnsDdl) {
    spark.sql(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " ("
            + columnsDdl
            + ") USING DELTA LOCATION '"
            + path
            + "'");
  }

  /** The SQL name of the Delta table at {@code path}, read without asking the metastore. */
  static String byPath(String path) {
    return "delta.`" + path.replace("`", "``") + "`";
  }

  /**
   * Appends rows exactly once per (application, version): Delta skips a write whose {@code
   * txnAppId}/{@code txnVersion} it has committed before, so a micro-batch replayed after a crash
   * is not appended twice.
   */
  static void appendOnce(Dataset<Row> rows, String path, String appId, long version) {
    rows.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", appId)
        .option("txnVersion", version)
        .save(path);
  }
}
