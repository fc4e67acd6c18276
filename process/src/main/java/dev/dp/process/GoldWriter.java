package dev.dp.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a refresh into {@code postgres-dest}: for every gold table the rows that are new or
 * changed are upserted and the rows no longer produced are deleted, and a watermark row records the
 * silver versions the refresh read, all in <b>one transaction</b>. A reader sees either the
 * previous refresh or this one; a crash mid-write leaves the previous one, and the next refresh
 * (which compares with what is stored) converges.
 */
public final class GoldWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {};

  private GoldWriter() {}

  /** Creates the gold schema, tables, watermark table and views when missing. */
  public static void ensureSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(GoldSchema.ddl());
    }
  }

  /** The silver versions of the last committed refresh; empty before the first. */
  public static Map<String, Long> lastWatermark(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT silver_versions::text FROM "
                    + GoldSchema.WATERMARK_TABLE
                    + " ORDER BY refresh_id DESC LIMIT 1")) {
      return rs.next() ? counts(rs.getString(1)) : new TreeMap<>();
    }
  }

  /** The rows a gold table holds, normalised, in the contract's column order. */
  public static List<List<Object>> read(Connection c, GoldTable table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    String columns = table.columnNames().stream().collect(Collectors.joining(", "));
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + columns + " FROM " + table.qualifiedName())) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>(table.columns().size());
        for (int i = 0; i < table.columns().size(); i++) {
          GoldType type = table.columns().get(i).type();
          Object v =
              switch (type) {
                case TEXT -> rs.getString(i + 1);
                case NUMERIC -> rs.getBigDecimal(i + 1);
                case BOOLEAN -> rs.getObject(i + 1, Boolean.class);
                case TIMESTAMPTZ -> rs.getObject(i + 1, OffsetDateTime.class);
              };
          row.add(GoldValues.normalize(type, v));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Applies one refresh in one transaction.
   *
   * @param computed every gold table's rows as the refresh computed them (normalised)
   * @param silverVersions the silver table versions the refresh read
   * @return per table what was written
   */
  public static Map<GoldTable, GoldRows.Diff> write(
      Connection c, Map<GoldTable, List<List<Object>>> computed, Map<String, Long> silverVersions)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Map<GoldTable, GoldRows.Diff> diffs = new LinkedHashMap<>();
      for (Map.Entry<GoldTable, List<List<Object>>> e : computed.entrySet()) {
        GoldTable table = e.getKey();
        GoldRows.Diff diff = GoldRows.diff(table, e.getValue(), read(c, table));
        upsert(c, table, diff.upserts());
        delete(c, table, diff.deletes());
        diffs.put(table, diff);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + GoldSchema.WATERMARK_TABLE
                  + " (silver_versions, row_counts) VALUES (?::jsonb, ?::jsonb)")) {
        ps.setString(1, json(silverVersions));
        Map<String, Long> counts = new TreeMap<>();
        computed.forEach((t, rows) -> counts.put(t.tableName(), (long) rows.size()));
        ps.setString(2, json(counts));
        ps.executeUpdate();
      }
      c.commit();
      return diffs;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static void upsert(Connection c, GoldTable table, List<List<Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<String> names = table.columnNames();
    String updates =
        names.stream()
            .filter(n -> !table.keyColumns().contains(n))
            .map(n -> n + " = EXCLUDED." + n)
            .collect(Collectors.joining(", "));
    String sql =
        "INSERT INTO "
            + table.qualifiedName()
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + names.stream().map(n -> "?").collect(Collectors.joining(", "))
            + ") ON CONFLICT ("
            + String.join(", ", table.keyColumns())
            + ") DO UPDATE SET "
            + updates;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          bind(ps, i + 1, table.columns().get(i).type(), row.get(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void delete(Connection c, GoldTable table, List<List<Object>> keys)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    String where =
        table.keyColumns().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table.qualifiedName() + " WHERE " + where)) {
      for (List<Object> key : keys) {
        for (int i = 0; i < key.size(); i++) {
          ps.setString(i + 1, (String) key.get(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, int index, GoldType type, Object value)
      throws SQLException {
    switch (type) {
      case TEXT -> ps.setString(index, (String) value);
      case NUMERIC -> ps.setBigDecimal(index, (BigDecimal) value);
      case BOOLEAN -> {
        if (value == null) {
          ps.setNull(index, Types.BOOLEAN);
        } else {
          ps.setBoolean(index, (Boolean) value);
        }
      }
      case TIMESTAMPTZ ->
          ps.setObject(
              index,
              value == null ? null : OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC),
              Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /** A name-to-number map (silver versions, row counts) as the JSON of the watermark row. */
  static String json(Map<String, Long> map) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(map));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name-to-number map a watermark column holds. */
  static Map<String, Long> counts(String json) {
    try {
      return JSON.readValue(json, COUNTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the watermark in " + GoldSchema.WATERMARK_TABLE + " is not valid JSON: " + json, e);
    }
  }
}
