package dev.dp.lakehouse;

import dev.dp.catalog.LakehouseLayout;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * Proves the lakehouse end to end: through the metastore it creates database {@code silver} and a
 * Delta table at {@code /data/delta/silver/<table>} on HDFS, appends rows from the executors and
 * reads them back. Exits non-zero when what was read is not what was written.
 *
 * <p>Arguments: {@code <table> [rows]}.
 */
public final class LakehouseSmokeJob {

  private LakehouseSmokeJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !args[0].matches("[a-z][a-z0-9_]*")) {
      System.err.println("usage: LakehouseSmokeJob <table (lower case)> [rows]");
      System.exit(2);
    }
    String table = args[0];
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 100;
    String run = UUID.randomUUID().toString();
    String qualified = LakehouseLayout.SILVER + "." + table;
    String path = LakehouseLayout.tablePath(LakehouseLayout.SILVER, table);
    long read;
    try (SparkSession spark = LakehouseSession.create("dp-lakehouse-smoke")) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + LakehouseLayout.SILVER);
      spark.sql(
          "CREATE TABLE IF NOT EXISTS "
              + qualified
              + " (run STRING, n BIGINT, written_at TIMESTAMP) USING DELTA LOCATION '"
              + path
              + "'");
      spark
          .range(rows)
          .selectExpr("'" + run + "' AS run", "id AS n", "current_timestamp() AS written_at")
          .write()
          .format("delta")
          .mode("append")
          .saveAsTable(qualified);
      read =
          spark
              .sql("SELECT count(DISTINCT n) FROM " + qualified + " WHERE run = '" + run + "'")
              .first()
              .getLong(0);
      String location =
          spark.sql("DESCRIBE DETAIL " + qualified).select("location").first().getString(0);
      System.out.printf(
          "LAKEHOUSE SMOKE %s: table %s at %s, run %s wrote %d rows, read back %d%n",
          read == rows ? "OK" : "FAILED", qualified, location, run, rows, read);
    }
    System.exit(read == rows ? 0 : 1);
  }
}
