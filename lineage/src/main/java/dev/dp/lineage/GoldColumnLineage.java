package dev.dp.lineage;

import java.util.List;

/**
 * Where one gold column comes from.
 *
 * @param goldTable gold table name, e.g. {@code threat_assessment}
 * @param column gold column name
 * @param derivation copied or computed
 * @param sources the source columns its value is made of, at least one
 */
public record GoldColumnLineage(
    String goldTable, String column, Derivation derivation, List<SourceColumn> sources) {

  /** Checks that there is a source. */
  public GoldColumnLineage {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(goldTable + "." + column + " has no source column");
    }
  }
}
