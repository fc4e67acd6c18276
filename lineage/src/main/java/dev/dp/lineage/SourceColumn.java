package dev.dp.lineage;

import dev.dp.catalog.SourceTables;
import java.util.Objects;

/**
 * A column of one of the 15 source tables ({@code jadc2_db.public.<table>}). The column keeps its
 * name through the table's topic, bronze and silver, so it names the column at every stage.
 *
 * @param table source table, e.g. {@code detections}
 * @param column column name, e.g. {@code confidence}
 */
public record SourceColumn(String table, String column) {

  /** Checks the parts. */
  public SourceColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  /** Parses {@code table.column}. */
  public static SourceColumn parse(String text) {
    String t = text.trim();
    int dot = t.indexOf('.');
    if (dot <= 0 || dot == t.length() - 1 || t.indexOf('.', dot + 1) >= 0) {
      throw new IllegalArgumentException("'" + text + "' is not <table>.<column>");
    }
    return new SourceColumn(t.substring(0, dot), t.substring(dot + 1));
  }

  /** The column with its schema, e.g. {@code public.detections.confidence}. */
  public String qualified() {
    return SourceTables.qualified(table) + "." + column;
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
