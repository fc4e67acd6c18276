package dev.dp.ingest.spark;

import dev.dp.catalog.SourceTables;
import dev.dp.lakehouse.LakehouseSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares every silver table with its source table, all rows and all columns: both sides are
 * rendered to the same canonical text per column type in SQL (PostgreSQL for the source, Spark SQL
 * for silver) and compared with {@code EXCEPT ALL} both ways. Prints one line per table and exits
 * non-zero when any table differs.
 *
 * <p>Arguments: {@code <source JDBC URL> <user>}; the password is read from the environment
 * variable {@code DP_SOURCE_PASSWORD}.
 */
public final class SilverCheckJob {

  private SilverCheckJob() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Properties props = new Properties();
    props.setProperty("user", args[1]);
    props.setProperty("password", System.getenv("DP_SOURCE_PASSWORD"));
    props.setProperty("driver", "org.postgresql.Driver");
    int differing = 0;
    try (SparkSession spark = LakehouseSession.create("dp-silver-check")) {
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
        long sourceRows = source.count();
        long silverRows = silver.count();
        long onlySource = source.exceptAll(silver).count();
        long onlySilver = silver.exceptAll(source).count();
        boolean equal = onlySource == 0 && onlySilver == 0;
        if (!equal) {
          differing++;
        }
        System.out.printf(
            "SILVER CHECK %s %s: source %d rows, silver %d rows, only in source %d, only in"
                + " silver %d%n",
            table, equal ? "EQUAL" : "DIFFERENT", sourceRows, silverRows, onlySource, onlySilver);
      }
    }
    System.out.println(
        "SILVER CHECK " + (differing == 0 ? "PASSED" : "FAILED: " + differing + " tables differ"));
    System.exit(differing == 0 ? 0 : 1);
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
