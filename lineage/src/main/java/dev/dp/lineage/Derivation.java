package dev.dp.lineage;

/** How a gold column is made of its source columns. */
public enum Derivation {
  /** The value of one source column, picked by the query's joins and "latest" rules. */
  COPY,
  /** Computed from the source columns (formulas in docs/gold.md). */
  DERIVED
}
