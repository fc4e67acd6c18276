package dev.dp.ingest.spark;

import dev.dp.catalog.SourceTables;
import dev.dp.lakehouse.LakehouseSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Audits what the ingest job wrote, once it has caught up with a quiet source:
 *
 * <ul>
 *   <li><b>silver</b>: every silver table equals its source table, all rows and all columns. Both
 *       sides are rendered to the same canonical text per column type in SQL (PostgreSQL for the
 *       source, Spark SQL for silver) and compared with {@code EXCEPT ALL} both ways.
 *   <li><b>bronze</b>: every Kafka record of a source topic that carries a value is in bronze or in
 *       quarantine exactly once, and nothing else is: the (topic, partition, offset) multisets of
 *       Kafka and of bronze + quarantine are compared with {@code EXCEPT ALL} both ways.
 *   <li><b>quarantine</b>: lists the quarantined records (position and reason).
 * </ul>
 *
 * Prints one line per table and check, and exits non-zero when any check fails.
 *
 * <p>Arguments: {@code <source JDBC URL> <user> <Kafka bootstrap servers>}; the password is read
 * from the environment variable {@code DP_SOURCE_PASSWORD}.
 */
public final class IngestCheckJob {

  private IngestCheckJob() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String bootstrap = args[2];
    Properties props = new Properties();
    props.setProperty("user", args[1]);
    props.setProperty("password", System.getenv("DP_SOURCE_PASSWORD"));
    props.setProperty("driver", "org.postgresql.Driver");
    int differing = 0;
    try (SparkSession spark = LakehouseSession.create("dp-ingest-check")) {
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      for (String table : SourceTables.NAMES) {
        List<String[]> columns = columns(url, props, table);
        List<String> pg = new ArrayList<>();
        List<String> sp = new ArrayList<>();
        for (String[] c : columns) {
          pg.add(postgresText(c[0], c[1]) + " AS " + c[0]);
          sp.add(sparkText(c[0], c[1]) + " AS " + c[0]);
        }
        Dataset<Row> source =
            spark
                .read()
                .jdbc(
                    url,
                    "(SELECT " + String.join(", ", pg) + " FROM public." + table + ") s",
                    props);
        Dataset<Row> silver =
            spark.sql(
                "SELECT " + String.join(", ", sp) + " FROM " + IngestTables.silverView(table));
        Row counts = multisetDifference(source, silver);
        long sourceRows = counts.getLong(0);
        long silverRows = counts.getLong(1);
        long onlySource = counts.getLong(2);
        long onlySilver = counts.getLong(3);
        boolean equal = onlySource == 0 && onlySilver == 0;
        if (!equal) {
          differing++;
        }
        System.out.printf(
            "SILVER CHECK %s %s: source %d rows, silver %d rows, only in source %d, only in"
                + " silver %d%n",
            table, equal ? "EQUAL" : "DIFFERENT", sourceRows, silverRows, onlySource, onlySilver);
      }
      System.out.println(
          "SILVER CHECK "
              + (differing == 0 ? "PASSED" : "FAILED: " + differing + " tables differ"));
      differing += checkBronze(spark, bootstrap);
      listQuarantine(spark);
    }
    System.exit(differing == 0 ? 0 : 1);
  }

  /**
   * Compares two row multisets in one pass (one Spark job, each side read once): the rows of both,
   * counted per distinct row and side. Returns (left rows, right rows, rows only in left, rows only
   * in right), duplicates counted.
   */
  private static Row multisetDifference(Dataset<Row> left, Dataset<Row> right) {
    Column[] all = Arrays.stream(left.columns()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> counted =
        left.withColumn("_l", functions.lit(1L))
            .withColumn("_r", functions.lit(0L))
            .unionByName(
                right.withColumn("_l", functions.lit(0L)).withColumn("_r", functions.lit(1L)))
            .groupBy(all)
            .agg(functions.sum("_l").as("l"), functions.sum("_r").as("r"));
    return counted
        .agg(
            functions.coalesce(functions.sum("l"), functions.lit(0L)),
            functions.coalesce(functions.sum("r"), functions.lit(0L)),
            functions.coalesce(
                functions.sum(functions.greatest(functions.expr("l - r"), functions.lit(0L))),
                functions.lit(0L)),
            functions.coalesce(
                functions.sum(functions.greatest(functions.expr("r - l"), functions.lit(0L))),
                functions.lit(0L)))
        .first();
  }

  /** Returns the number of topics whose records are not in bronze + quarantine exactly once. */
  private static int checkBronze(SparkSession spark, String bootstrap) {
    Dataset<Row> kafka =
        spark
            .read()
            .format("kafka")
            .option("kafka.bootstrap.servers", bootstrap)
            .option("subscribe", String.join(",", SourceTables.topics()))
            .option("startingOffsets", "earliest")
            .option("endingOffsets", "latest")
            .load()
            .where("value IS NOT NULL")
            .selectExpr("topic", "partition", "offset");
    Dataset<Row> written =
        spark.sql(
            "SELECT kafka_topic AS topic, kafka_partition AS partition, kafka_offset AS offset FROM "
                + IngestTables.quarantineTable());
    for (String table : SourceTables.NAMES) {
      written =
          written.unionAll(
              spark.sql(
                  "SELECT kafka_topic AS topic, kafka_partition AS partition, kafka_offset AS"
                      + " offset FROM "
                      + IngestTables.bronzeView(table)));
    }
    Map<String, Row> perTopic = new HashMap<>();
    for (Row r :
        kafka
            .withColumn("k", functions.lit(1L))
            .withColumn("w", functions.lit(0L))
            .unionByName(
                written.withColumn("k", functions.lit(0L)).withColumn("w", functions.lit(1L)))
            .groupBy("topic", "partition", "offset")
            .agg(functions.sum("k").as("k"), functions.sum("w").as("w"))
            .groupBy("topic")
            .agg(
                functions.sum("k"),
                functions.sum(functions.expr("CASE WHEN k > 0 AND w = 0 THEN 1 ELSE 0 END")),
                functions.sum(functions.expr("CASE WHEN w > k THEN w - k ELSE 0 END")))
            .collectAsList()) {
      perTopic.put(r.getString(0), r);
    }
    int failing = 0;
    for (String table : SourceTables.NAMES) {
      Row r = perTopic.get(SourceTables.topic(table));
      long records = r == null ? 0 : r.getLong(1);
      long missing = r == null ? 0 : r.getLong(2);
      long extra = r == null ? 0 : r.getLong(3);
      boolean once = missing == 0 && extra == 0;
      if (!once) {
        failing++;
      }
      System.out.printf(
          "BRONZE CHECK %s %s: %d Kafka records with a value, %d not in bronze or quarantine,"
              + " %d in them more than once or not in Kafka%n",
          table, once ? "EXACTLY-ONCE" : "DIFFERENT", records, missing, extra);
    }
    System.out.println(
        "BRONZE CHECK "
            + (failing == 0 ? "PASSED" : "FAILED: " + failing + " topics differ from bronze"));
    return failing;
  }

  private static void listQuarantine(SparkSession spark) {
    List<Row> rows =
        spark
            .sql(
                "SELECT kafka_topic, kafka_partition, kafka_offset, reason, detail FROM "
                    + IngestTables.quarantineTable()
                    + " ORDER BY kafka_topic, kafka_partition, kafka_offset LIMIT 100")
            .collectAsList();
    for (Row r : rows) {
      System.out.printf(
          "QUARANTINE %s:%d:%d %s %s%n",
          r.getString(0), r.getInt(1), r.getLong(2), r.getString(3), r.getString(4));
    }
    System.out.println("QUARANTINE listed " + rows.size() + " record(s)");
  }

  /** Column name and PostgreSQL data type, in table order. */
  private static List<String[]> columns(String url, Properties props, String table)
      throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, props);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return out;
  }

  private static String postgresText(String column, String type) {
    String c = "\"" + column + "\"";
    return type.startsWith("timestamp")
        ? "to_char(" + c + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
        : c + "::text";
  }

  private static String sparkText(String column, String type) {
    String c = "`" + column + "`";
    return type.startsWith("timestamp")
        ? "date_format(" + c + ", \"yyyy-MM-dd'T'HH:mm:ss.SSSSSS\")"
        : "CAST(" + c + " AS STRING)";
  }
}
