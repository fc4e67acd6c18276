package dev.dp.console;

import dev.dp.catalog.SourceTables;
import dev.dp.process.GoldSchema;
import dev.dp.process.GoldTable;
import dev.dp.stack.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Exact row counts of the source and gold tables, each side in one read-only snapshot. */
final class RowCounts {

  private RowCounts() {}

  /**
   * The newest gold watermark row.
   *
   * @param refreshId refresh number
   * @param refreshedAt when it committed
   * @param silverVersions the silver Delta versions it read (JSON text)
   */
  record Watermark(long refreshId, Instant refreshedAt, String silverVersions) {}

  /** Rows per source table, in catalog order. */
  static Map<String, Long> source(DatabaseEndpoint source) throws SQLException {
    return counts(source, SourceTables.NAMES, SourceTables::qualified);
  }

  /** Rows per gold table; empty before the process job created the gold schema. */
  static Map<String, Long> gold(DatabaseEndpoint dest) throws SQLException {
    List<String> names = Arrays.stream(GoldTable.values()).map(GoldTable::tableName).toList();
    try {
      return counts(dest, names, t -> GoldSchema.SCHEMA + "." + t);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return Map.of(); // gold not created yet
      }
      throw e;
    }
  }

  /** The newest watermark row, or null before the first refresh. */
  static Watermark watermark(DatabaseEndpoint dest) throws SQLException {
    try (Connection c = readOnly(dest);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT refresh_id, refreshed_at, silver_versions::text FROM "
                    + GoldSchema.WATERMARK_TABLE
                    + " ORDER BY refresh_id DESC LIMIT 1")) {
      return rs.next()
          ? new Watermark(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3))
          : null;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return null;
      }
      throw e;
    }
  }

  private static Map<String, Long> counts(
      DatabaseEndpoint db, List<String> tables, java.util.function.Function<String, String> qualify)
      throws SQLException {
    String sql =
        tables.stream()
            .map(t -> "SELECT '" + t + "', count(*) FROM " + qualify.apply(t))
            .collect(Collectors.joining(" UNION ALL "));
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = readOnly(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    tables.forEach(t -> ordered.put(t, out.get(t)));
    return ordered;
  }

  private static Connection readOnly(DatabaseEndpoint db) throws SQLException {
    Connection c = db.connect();
    c.setReadOnly(true);
    return c;
  }
}
