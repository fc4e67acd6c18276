package dev.dp.oracle;

import dev.dp.process.GoldTable;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing one gold table with the oracle's answer.
 *
 * @param table the gold table
 * @param expectedRows rows the oracle computed
 * @param actualRows rows gold holds
 * @param rowsCompared keys present on both sides (their columns were compared)
 * @param missing rows the oracle has and gold lacks
 * @param extra rows gold has and the oracle does not
 * @param different rows present on both sides with at least one differing column
 * @param duplicateKeys keys that occur more than once on either side (never valid)
 * @param missingExamples keys of missing rows, at most the example limit
 * @param extraExamples keys of extra rows, at most the example limit
 * @param differenceExamples differing columns, at most the example limit
 */
public record TableComparison(
    GoldTable table,
    long expectedRows,
    long actualRows,
    long rowsCompared,
    long missing,
    long extra,
    long different,
    long duplicateKeys,
    List<Map<String, Object>> missingExamples,
    List<Map<String, Object>> extraExamples,
    List<ColumnDifference> differenceExamples) {

  /** Copies the example lists. */
  public TableComparison {
    missingExamples = List.copyOf(missingExamples);
    extraExamples = List.copyOf(extraExamples);
    differenceExamples = List.copyOf(differenceExamples);
  }

  /** Whether gold equals the oracle's answer row for row. */
  public boolean matches() {
    return missing == 0 && extra == 0 && different == 0 && duplicateKeys == 0;
  }

  /**
   * One line for humans, e.g. {@code gold.threat_assessment: 120 rows, 1 missing, 0 extra, ...}.
   */
  public String summary() {
    return table.qualifiedName()
        + ": "
        + (matches() ? "matches, " : "DIFFERS, ")
        + expectedRows
        + " expected, "
        + actualRows
        + " in gold, "
        + rowsCompared
        + " compared, "
        + missing
        + " missing, "
        + extra
        + " extra, "
        + different
        + " different"
        + (duplicateKeys > 0 ? ", " + duplicateKeys + " duplicate keys" : "");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(summary());
    missingExamples.forEach(k -> s.append("\n  missing ").append(k));
    extraExamples.forEach(k -> s.append("\n  extra ").append(k));
    differenceExamples.forEach(d -> s.append("\n  different ").append(d));
    return s.toString();
  }
}
