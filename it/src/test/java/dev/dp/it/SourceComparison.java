package dev.dp.it;

import dev.dp.catalog.SourceTables;
import dev.dp.stack.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Compares materialized rows with the source tables in PostgreSQL itself: the rows go into a
 * temporary table shaped like the source table (PostgreSQL casts the text values to the real column
 * types), then {@code EXCEPT ALL} both ways finds missing, extra and different rows.
 */
final class SourceComparison {

  private SourceComparison() {}

  /** The differences of one table. */
  record TableDiff(
      String table,
      int sourceRows,
      int topicRows,
      List<String> onlyInSource,
      List<String> onlyInTopic) {
    boolean equal() {
      return onlyInSource.isEmpty() && onlyInTopic.isEmpty() && sourceRows == topicRows;
    }

    @Override
    public String toString() {
      return table
          + ": source "
          + sourceRows
          + " rows, topic "
          + topicRows
          + " rows; only in source "
          + onlyInSource
          + "; only in topic "
          + onlyInTopic;
    }
  }

  /** Compares every source table with its materialized topic. */
  static List<TableDiff> compareAll(DatabaseEndpoint source, TopicMaterializer topics)
      throws SQLException {
    List<TableDiff> diffs = new ArrayList<>();
    try (Connection c = connect(source)) {
      c.setAutoCommit(false);
      for (String table : SourceTables.NAMES) {
        diffs.add(compare(c, table, topics.rows(table)));
      }
      c.rollback();
    }
    return diffs;
  }

  private static TableDiff compare(
      Connection c, String table, Map<String, Map<String, String>> rows) throws SQLException {
    String temp = "cmp_" + table;
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + temp);
      s.execute("CREATE TEMP TABLE " + temp + " (LIKE public." + table + ") ON COMMIT DROP");
    }
    List<String> columns = columns(c, table);
    String insert =
        "INSERT INTO "
            + temp
            + " ("
            + String.join(",", quoted(columns))
            + ") VALUES ("
            + columns.stream().map(x -> "?").collect(Collectors.joining(","))
            + ")";
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      for (Map<String, String> row : rows.values()) {
        for (int i = 0; i < columns.size(); i++) {
          ps.setString(i + 1, row.get(columns.get(i)));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
    int sourceRows = count(c, "SELECT count(*) FROM public." + table);
    List<String> onlyInSource =
        sample(
            c,
            "SELECT id::text FROM (SELECT * FROM public."
                + table
                + " EXCEPT ALL SELECT * FROM "
                + temp
                + ") d ORDER BY 1 LIMIT 5");
    List<String> onlyInTopic =
        sample(
            c,
            "SELECT id::text FROM (SELECT * FROM "
                + temp
                + " EXCEPT ALL SELECT * FROM public."
                + table
                + ") d ORDER BY 1 LIMIT 5");
    return new TableDiff(table, sourceRows, rows.size(), onlyInSource, onlyInTopic);
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cols.add(rs.getString(1));
        }
      }
    }
    return cols;
  }

  private static List<String> quoted(List<String> columns) {
    return columns.stream().map(col -> "\"" + col + "\"").toList();
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> sample(Connection c, String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** A connection that lets PostgreSQL infer parameter types, so text binds to any column. */
  private static Connection connect(DatabaseEndpoint db) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", db.user());
    p.setProperty("password", db.password());
    p.setProperty("stringtype", "unspecified");
    return DriverManager.getConnection(db.jdbcUrl(), p);
  }
}
