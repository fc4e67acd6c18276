package dev.dp.oracle;

import dev.dp.process.GoldColumn;
import dev.dp.process.GoldTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two row sets of one gold table, keyed by the contract's key columns: the oracle's
 * ("expected") and gold's ("actual"). Values are compared by the column's type: numbers after
 * rounding both to 4 places half up (so {@code 0.56745} equals {@code 0.5675}), timestamps as
 * instants (whatever zone they carry), booleans and text exactly; null equals only null; a
 * non-finite number equals only itself. The values are normalised by {@link OracleValues}, the
 * oracle's own code, never the process job's.
 *
 * <p>A row is a map from column name to value; it must carry every contract column (extra columns
 * are an error, so a wrong query cannot pass by accident). Pure Java: no database needed.
 */
public final class GoldComparison {

  /** Examples kept per kind (missing, extra, different) when none is given. */
  public static final int DEFAULT_EXAMPLES = 10;

  private final int maxExamples;

  /** A comparison keeping {@value #DEFAULT_EXAMPLES} examples of each kind. */
  public GoldComparison() {
    this(DEFAULT_EXAMPLES);
  }

  /**
   * A comparison keeping at most {@code maxExamples} examples of each kind.
   *
   * @throws IllegalArgumentException if negative
   */
  public GoldComparison(int maxExamples) {
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples must be >= 0: " + maxExamples);
    }
    this.maxExamples = maxExamples;
  }

  /**
   * Compares the oracle's rows with gold's.
   *
   * @param table the gold table both row sets belong to
   * @param expected the oracle's rows
   * @param actual gold's rows
   * @throws IllegalArgumentException if a row lacks a contract column, has another column, has a
   *     null key column, or holds a value its column's type cannot hold
   */
  public TableComparison compare(
      GoldTable table,
      Collection<? extends Map<String, ?>> expected,
      Collection<? extends Map<String, ?>> actual) {
    Keyed exp = keyed(table, expected, "oracle");
    Keyed act = keyed(table, actual, "gold");
    List<Map<String, Object>> missingExamples = new ArrayList<>();
    List<Map<String, Object>> extraExamples = new ArrayList<>();
    List<ColumnDifference> differenceExamples = new ArrayList<>();
    long missing = 0;
    long extra = 0;
    long different = 0;
    long compared = 0;
    for (Map.Entry<List<Object>, Map<String, Object>> e : exp.rows.entrySet()) {
      Map<String, Object> other = act.rows.get(e.getKey());
      if (other == null) {
        missing++;
        addExample(missingExamples, keyOf(table, e.getValue()));
        continue;
      }
      compared++;
      boolean differs = false;
      for (GoldColumn c : table.columns()) {
        Object x = e.getValue().get(c.name());
        Object y = other.get(c.name());
        if (!Objects.equals(x, y)) {
          differs = true;
          addExample(
              differenceExamples, new ColumnDifference(keyOf(table, e.getValue()), c.name(), x, y));
        }
      }
      if (differs) {
        different++;
      }
    }
    for (Map.Entry<List<Object>, Map<String, Object>> e : act.rows.entrySet()) {
      if (!exp.rows.containsKey(e.getKey())) {
        extra++;
        addExample(extraExamples, keyOf(table, e.getValue()));
      }
    }
    return new TableComparison(
        table,
        expected.size(),
        actual.size(),
        compared,
        missing,
        extra,
        different,
        exp.duplicates + act.duplicates,
        missingExamples,
        extraExamples,
        differenceExamples);
  }

  private <T> void addExample(List<T> examples, T example) {
    if (examples.size() < maxExamples) {
      examples.add(example);
    }
  }

  private record Keyed(Map<List<Object>, Map<String, Object>> rows, long duplicates) {}

  private static Keyed keyed(
      GoldTable table, Collection<? extends Map<String, ?>> rows, String side) {
    Map<List<Object>, Map<String, Object>> out = new LinkedHashMap<>();
    long duplicates = 0;
    for (Map<String, ?> row : rows) {
      Map<String, Object> normalized = normalize(table, row, side);
      List<Object> key = new ArrayList<>(keyOf(table, normalized).values());
      if (out.putIfAbsent(key, normalized) != null) {
        duplicates++;
      }
    }
    return new Keyed(out, duplicates);
  }

  private static Map<String, Object> normalize(GoldTable table, Map<String, ?> row, String side) {
    if (row.size() != table.columns().size() || !row.keySet().containsAll(table.columnNames())) {
      throw new IllegalArgumentException(
          side
              + " row of "
              + table.qualifiedName()
              + " has the columns "
              + row.keySet()
              + ", the contract "
              + table.columnNames());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (GoldColumn c : table.columns()) {
      try {
        out.put(c.name(), OracleValues.normalize(c.type(), row.get(c.name())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            side
                + " row of "
                + table.qualifiedName()
                + ", column "
                + c.name()
                + ": "
                + e.getMessage(),
            e);
      }
    }
    for (String k : table.keyColumns()) {
      if (out.get(k) == null) {
        throw new IllegalArgumentException(
            side + " row of " + table.qualifiedName() + " has a null key column " + k + ": " + row);
      }
    }
    return out;
  }

  private static Map<String, Object> keyOf(GoldTable table, Map<String, Object> normalized) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (String k : table.keyColumns()) {
      key.put(k, normalized.get(k));
    }
    return key;
  }
}
