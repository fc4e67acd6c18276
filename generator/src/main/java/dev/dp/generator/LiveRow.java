package dev.dp.generator;

import java.util.Map;

/**
 * What the model knows of one live source row: its id, its foreign-key values by column, its event
 * time in epoch seconds (0 where the table has none) and its life-cycle state (null where the table
 * has none).
 */
public record LiveRow(String table, String id, long time, String state, Map<String, String> refs) {

  /** Validates and freezes the references. */
  public LiveRow {
    refs = Map.copyOf(refs);
  }

  /** The id this row references through {@code column}, or null. */
  public String ref(String column) {
    return refs.get(column);
  }
}
