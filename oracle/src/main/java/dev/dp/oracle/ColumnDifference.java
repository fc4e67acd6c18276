package dev.dp.oracle;

import java.util.Map;

/**
 * One column of one row whose value differs between the oracle and gold.
 *
 * @param key the row's key columns and values, in key order
 * @param column the differing column
 * @param expected the oracle's value, normalized (see {@link GoldComparison})
 * @param actual gold's value, normalized
 */
public record ColumnDifference(
    Map<String, Object> key, String column, Object expected, Object actual) {

  @Override
  public String toString() {
    return key + " " + column + ": expected " + expected + ", gold has " + actual;
  }
}
