package dev.dp.oracle;

import dev.dp.catalog.ClasspathText;
import dev.dp.process.GoldTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle of {@code dp verify}: computes the five gold tables once more as plain PostgreSQL
 * SQL over the source database ({@code public.*}, resources {@code /oracle/<table>.sql}), reads
 * {@code gold.<table>} from the destination, and compares them row for row with {@link
 * GoldComparison}.
 *
 * <p>All oracle queries of one {@link #verifyAll} run in one read-only REPEATABLE READ transaction
 * on the source, and all gold reads in one on the destination, so each side is one consistent
 * snapshot. Both row sets are held in memory (fine for the generator's volumes: tens of thousands
 * of rows per table). The connections' auto-commit and isolation are restored afterwards.
 */
public final class Oracle {

  private final GoldComparison comparison;

  /** An oracle keeping {@value GoldComparison#DEFAULT_EXAMPLES} examples of each difference. */
  public Oracle() {
    this(new GoldComparison());
  }

  /** An oracle comparing with the given comparison (e.g. another example limit). */
  public Oracle(GoldComparison comparison) {
    this.comparison = comparison;
  }

  /** Classpath location of a table's oracle SQL, e.g. {@code /oracle/threat_assessment.sql}. */
  public static String sqlResource(GoldTable table) {
    return "/oracle/" + table.tableName() + ".sql";
  }

  /** The oracle SQL of a table: one SELECT over {@code public.*} with the contract's columns. */
  public static String sql(GoldTable table) {
    return ClasspathText.read(sqlResource(table));
  }

  /** Runs a table's oracle SQL on the source database. */
  public List<Map<String, Object>> expected(Connection source, GoldTable table)
      throws SQLException {
    return query(source, sql(table));
  }

  /** Reads {@code gold.<table>} (the contract's columns) from the destination database. */
  public List<Map<String, Object>> actual(Connection dest, GoldTable table) throws SQLException {
    return query(
        dest,
        "SELECT " + String.join(", ", table.columnNames()) + " FROM " + table.qualifiedName());
  }

  /** Compares one table. */
  public TableComparison verify(Connection source, Connection dest, GoldTable table)
      throws SQLException {
    return verify(source, dest, List.of(table)).get(0);
  }

  /** Compares all five tables, in {@link GoldTable} order. */
  public List<TableComparison> verifyAll(Connection source, Connection dest) throws SQLException {
    return verify(source, dest, List.of(GoldTable.values()));
  }

  private List<TableComparison> verify(Connection source, Connection dest, List<GoldTable> tables)
      throws SQLException {
    Map<GoldTable, List<Map<String, Object>>> expected = new LinkedHashMap<>();
    Map<GoldTable, List<Map<String, Object>>> actual = new LinkedHashMap<>();
    try (Snapshot s = new Snapshot(source)) {
      for (GoldTable t : tables) {
        expected.put(t, expected(source, t));
      }
    }
    try (Snapshot s = new Snapshot(dest)) {
      for (GoldTable t : tables) {
        actual.put(t, actual(dest, t));
      }
    }
    List<TableComparison> out = new ArrayList<>();
    for (GoldTable t : tables) {
      out.add(comparison.compare(t, expected.get(t), actual.get(t)));
    }
    return out;
  }

  private static List<Map<String, Object>> query(Connection c, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A read-only repeatable-read transaction, the connection's settings restored on close. */
  private static final class Snapshot implements AutoCloseable {
    private final Connection c;
    private final boolean autoCommit;
    private final int isolation;
    private final boolean readOnly;

    Snapshot(Connection c) throws SQLException {
      this.c = c;
      this.autoCommit = c.getAutoCommit();
      this.isolation = c.getTransactionIsolation();
      this.readOnly = c.isReadOnly();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
    }

    @Override
    public void close() throws SQLException {
      try {
        c.rollback();
      } finally {
        c.setReadOnly(readOnly);
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    }
  }
}
