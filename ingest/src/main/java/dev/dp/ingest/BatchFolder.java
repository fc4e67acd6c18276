package dev.dp.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces the changes of one micro-batch to the final state per key with {@link
 * MergeDecision#apply}, in source position order whatever the arrival order, so the job MERGEs one
 * row per key.
 *
 * <p>The first change of a key in the batch is taken as it is; later changes of the key are
 * combined onto it with the rules of {@link MergeDecision}. Columns no change of the batch carried
 * (TOAST placeholder) stay unknown, to be resolved against the stored silver row by the MERGE, and
 * the folded state remembers when each value was set, so replayed older changes in the batch do not
 * override newer stored values. Folding and then merging ({@link MergeDecision#apply}) gives the
 * same silver row as applying the changes one by one.
 *
 * <p>Two different changes of one key at the same position cannot come from Debezium; should they
 * occur, the first to arrive wins and the second counts as a duplicate.
 */
public final class BatchFolder {

  private static final Comparator<RowState> BY_TABLE_AND_KEY =
      Comparator.comparing(RowState::table).thenComparing(RowState::key);

  private BatchFolder() {}

  /** Folds the changes of one batch (any tables, any order). */
  public static FoldedBatch fold(Collection<ChangeEvent> events) {
    List<ChangeEvent> ordered = new ArrayList<>(events);
    // stable: changes at the same position keep their arrival order
    ordered.sort(Comparator.comparing(ChangeEvent::position));
    Map<String, Map<String, RowState>> statesByTable = new HashMap<>();
    Map<String, Map<String, ColumnType>> columnsByTable = new LinkedHashMap<>();
    int duplicates = 0;
    for (ChangeEvent event : ordered) {
      Map<String, ColumnType> columns =
          columnsByTable.computeIfAbsent(event.table(), t -> new LinkedHashMap<>());
      for (ColumnType column : event.columns()) {
        columns.put(column.name(), column);
      }
      Map<String, RowState> states =
          statesByTable.computeIfAbsent(event.table(), t -> new HashMap<>());
      RowState previous = states.get(event.key());
      if (previous == null) {
        states.put(event.key(), RowState.of(event));
        continue;
      }
      MergeOutcome outcome = MergeDecision.combine(previous, RowState.of(event));
      if (outcome instanceof MergeOutcome.Applied applied) {
        states.put(event.key(), applied.state());
      } else {
        duplicates++;
      }
    }
    List<RowState> states = new ArrayList<>();
    statesByTable.values().forEach(byKey -> states.addAll(byKey.values()));
    states.sort(BY_TABLE_AND_KEY);
    Map<String, List<ColumnType>> columns = new HashMap<>();
    columnsByTable.forEach((table, byName) -> columns.put(table, List.copyOf(byName.values())));
    return new FoldedBatch(states, columns, events.size(), duplicates);
  }
}
