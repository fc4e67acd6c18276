package dev.dp.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One micro-batch reduced to the final state per key, ready to be merged into silver with the rules
 * of {@link MergeDecision}.
 *
 * @param states one state per (table, key), ordered by table, then key
 * @param columnsByTable per table, the union of the columns the batch's changes describe, in table
 *     order with columns added in the source at the end (a later definition of a column wins)
 * @param events how many changes were folded
 * @param duplicatesIgnored changes dropped because the batch held the same change twice
 */
public record FoldedBatch(
    List<RowState> states,
    Map<String, List<ColumnType>> columnsByTable,
    int events,
    int duplicatesIgnored) {

  public FoldedBatch {
    states = List.copyOf(states);
    columnsByTable = Map.copyOf(columnsByTable);
  }

  /** The tables the batch touched, sorted. */
  public Set<String> tables() {
    return new TreeSet<>(columnsByTable.keySet());
  }

  /** The states of one table's keys, ordered by key; empty if the batch has none. */
  public List<RowState> states(String table) {
    return states.stream().filter(s -> s.table().equals(table)).toList();
  }

  /** The columns of one table as the batch describes them; empty if the batch has none. */
  public List<ColumnType> columns(String table) {
    return columnsByTable.getOrDefault(table, List.of());
  }
}
