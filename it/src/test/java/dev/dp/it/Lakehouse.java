package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.DpConfig;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.HdfsTools;
import dev.dp.stack.SparkJob;
import dev.dp.stack.SparkJobs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Looks at the shared stack's lakehouse the way an operator would: hdfs commands and SQL. */
final class Lakehouse {

  private Lakehouse() {}

  /** Output of a {@code dp hdfs} command. */
  record Result(int exitCode, String output) {}

  static Result hdfs(LocalStack.Instance stack, String... args) throws Exception {
    DpConfig config = stack.config(Map.of());
    List<String> rest = List.of(args).subList(1, args.length);
    Process p =
        new ProcessBuilder(HdfsTools.command(config, args[0], rest))
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hdfs " + String.join(" ", args) + " did not finish in 2 minutes");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /**
   * Runs the lakehouse smoke job (250 rows into {@code silver.<table>}) and asserts it succeeded.
   *
   * @return the job's log
   */
  static String runSmokeJob(
      LocalStack.Instance stack, String table, SparkJobs.ClusterManager manager) throws Exception {
    DpConfig config = stack.config(Map.of());
    SparkJob job =
        new SparkJob(
            "dp_it_" + table,
            "lakehouse",
            "dev.dp.lakehouse.LakehouseSmokeJob",
            List.of(table, "250"));
    int exit = SparkJobs.run(config, job, manager, Duration.ofMinutes(8));
    Path log = SparkJobs.log(config, job);
    String text = Files.readString(log);
    assertThat(exit).as("driver exit code; log " + log).isZero();
    assertThat(text).contains("LAKEHOUSE SMOKE OK");
    return text;
  }

  /**
   * How the metastore's own PostgreSQL tables describe a table: type, storage location, the
   * provider and the real path (Delta keeps them in the table and serde parameters).
   */
  static Map<String, String> metastoreEntry(LocalStack.Instance stack, String db, String table)
      throws Exception {
    DatabaseEndpoint hmsDb = DatabaseEndpoint.of(stack.config(Map.of()), stack.service("hms-db"));
    String sql =
        "SELECT t.\"TBL_TYPE\", s.\"LOCATION\","
            + " (SELECT \"PARAM_VALUE\" FROM \"TABLE_PARAMS\" p WHERE p.\"TBL_ID\" = t.\"TBL_ID\""
            + "   AND p.\"PARAM_KEY\" = 'spark.sql.sources.provider') AS provider,"
            + " (SELECT \"PARAM_VALUE\" FROM \"SERDE_PARAMS\" sp WHERE sp.\"SERDE_ID\" = s.\"SERDE_ID\""
            + "   AND sp.\"PARAM_KEY\" = 'path') AS path"
            + " FROM \"TBLS\" t JOIN \"DBS\" d ON d.\"DB_ID\" = t.\"DB_ID\""
            + " JOIN \"SDS\" s ON s.\"SD_ID\" = t.\"SD_ID\""
            + " WHERE d.\"NAME\" = ? AND t.\"TBL_NAME\" = ?";
    Map<String, String> entry = new LinkedHashMap<>();
    try (Connection c = hmsDb.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, db);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          entry.put("type", rs.getString(1));
          entry.put("location", rs.getString(2));
          entry.put("provider", rs.getString(3));
          entry.put("path", rs.getString(4));
        }
      }
    }
    return entry;
  }

  /** Number of tables per metastore database, from the metastore's PostgreSQL. */
  static Map<String, Integer> metastoreTableCounts(LocalStack.Instance stack) throws Exception {
    DatabaseEndpoint hmsDb = DatabaseEndpoint.of(stack.config(Map.of()), stack.service("hms-db"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection c = hmsDb.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT d.\"NAME\", count(t.\"TBL_ID\") FROM \"DBS\" d"
                    + " LEFT JOIN \"TBLS\" t ON t.\"DB_ID\" = d.\"DB_ID\""
                    + " GROUP BY d.\"NAME\" ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }
}
