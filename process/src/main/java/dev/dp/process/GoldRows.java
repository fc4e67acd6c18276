package dev.dp.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of one gold table as plain Java values in the contract's column order, normalised by {@link
 * GoldValues}, and the difference between what a refresh computed and what {@code postgres-dest}
 * holds: the rows to upsert (new or changed) and the keys to delete (their driving source rows are
 * gone).
 */
public final class GoldRows {

  private GoldRows() {}

  /** A row normalised column by column. */
  public static List<Object> normalise(GoldTable table, List<?> raw) {
    List<Object> row = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      row.add(GoldValues.normalize(table.columns().get(i).type(), raw.get(i)));
    }
    return row;
  }

  /** The key of a row (its key columns' values, in key order). */
  public static List<Object> key(GoldTable table, List<Object> row) {
    List<Object> key = new ArrayList<>(table.keyColumns().size());
    for (String k : table.keyColumns()) {
      key.add(row.get(table.columnNames().indexOf(k)));
    }
    return key;
  }

  /**
   * What to write so that the table holding {@code current} holds {@code desired}.
   *
   * @param desired the refresh's rows (normalised)
   * @param current the stored rows (normalised)
   */
  public static Diff diff(GoldTable table, List<List<Object>> desired, List<List<Object>> current) {
    Map<List<Object>, List<Object>> stored = new LinkedHashMap<>();
    for (List<Object> row : current) {
      stored.put(key(table, row), row);
    }
    List<List<Object>> upserts = new ArrayList<>();
    Map<List<Object>, Boolean> seen = new LinkedHashMap<>();
    for (List<Object> row : desired) {
      List<Object> key = key(table, row);
      if (seen.put(key, Boolean.TRUE) != null) {
        throw new IllegalStateException(
            table.tableName() + ": the refresh produced key " + key + " twice");
      }
      List<Object> old = stored.get(key);
      if (old == null || !sameValues(old, row)) {
        upserts.add(row);
      }
    }
    List<List<Object>> deletes = new ArrayList<>();
    for (List<Object> key : stored.keySet()) {
      if (!seen.containsKey(key)) {
        deletes.add(key);
      }
    }
    return new Diff(upserts, deletes, desired.size() - upserts.size());
  }

  private static boolean sameValues(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      boolean same =
          x instanceof BigDecimal bx && y instanceof BigDecimal by
              ? bx.compareTo(by) == 0
              : Objects.equals(x, y);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /**
   * The writes of one table in a refresh.
   *
   * @param upserts rows that are new or differ from the stored ones
   * @param deletes keys stored but no longer produced
   * @param unchanged rows produced and stored identically (not written)
   */
  public record Diff(List<List<Object>> upserts, List<List<Object>> deletes, int unchanged) {}
}
