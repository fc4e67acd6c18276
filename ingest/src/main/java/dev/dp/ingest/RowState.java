package dev.dp.ingest;

import dev.dp.catalog.SourceTables;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of one key: a stored silver row, one change seen as the state it leads to, or several
 * changes of a micro-batch folded together ({@link BatchFolder}).
 *
 * <p>A stored silver row uses the first five components (the six-argument constructor, with no
 * unchanged columns). A folded state needs the rest because a batch can hold, next to new changes,
 * older changes Debezium replays (at least once delivery): their values must not win over a newer
 * stored value, and a replayed delete must not erase it. So a folded state remembers when each
 * value was set and when the key was last deleted; {@link MergeDecision} compares those with the
 * stored row's position.
 *
 * @param table the source table
 * @param key the primary key id
 * @param position the position of the last change applied
 * @param deleted true for a tombstone: the key was deleted at {@code position} (values hold only
 *     the key)
 * @param values known column values (null values are SQL NULLs)
 * @param unchangedColumns columns whose value is not known here (TOAST placeholder, or a value set
 *     before a later delete) and is to be taken from the older state this one is merged onto;
 *     disjoint from {@code values}; empty for tombstones and stored rows
 * @param valuePositions for values set by a change before {@code position}: that change's position;
 *     values not listed were set at {@code position}
 * @param lastDelete the latest delete this state's history went through before {@code position}, or
 *     null: values of an older state set at or before it are gone
 */
public record RowState(
    String table,
    String key,
    SourcePosition position,
    boolean deleted,
    Map<String, Object> values,
    Set<String> unchangedColumns,
    Map<String, SourcePosition> valuePositions,
    SourcePosition lastDelete)
    implements Serializable {

  public RowState {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    unchangedColumns = Collections.unmodifiableSet(new LinkedHashSet<>(unchangedColumns));
    valuePositions = Map.copyOf(valuePositions);
    if (deleted && !(unchangedColumns.isEmpty() && valuePositions.isEmpty())) {
      throw new IllegalArgumentException("a tombstone has only its key and position");
    }
    for (String column : unchangedColumns) {
      if (values.containsKey(column)) {
        throw new IllegalArgumentException(
            "column '" + column + "' cannot be both known and unchanged");
      }
    }
    for (Map.Entry<String, SourcePosition> entry : valuePositions.entrySet()) {
      if (!values.containsKey(entry.getKey()) || entry.getValue().isAfter(position)) {
        throw new IllegalArgumentException(
            "value position of '"
                + entry.getKey()
                + "' must be of a known value, not after "
                + position);
      }
    }
    if (lastDelete != null && !position.isAfter(lastDelete)) {
      throw new IllegalArgumentException(
          "last delete " + lastDelete + " is not before " + position);
    }
  }

  /** A state whose values were all set at {@code position}, with no delete before it. */
  public RowState(
      String table,
      String key,
      SourcePosition position,
      boolean deleted,
      Map<String, Object> values,
      Set<String> unchangedColumns) {
    this(table, key, position, deleted, values, unchangedColumns, Map.of(), null);
  }

  /** The state a change leads to, before it is combined with any older state. */
  public static RowState of(ChangeEvent event) {
    return event.isDelete()
        ? tombstone(event.table(), event.key(), event.position())
        : new RowState(
            event.table(),
            event.key(),
            event.position(),
            false,
            event.values(),
            event.unchangedColumns());
  }

  /** The tombstone of a key deleted at {@code position}: deleted, only the key as value. */
  public static RowState tombstone(String table, String key, SourcePosition position) {
    return new RowState(
        table, key, position, true, Map.of(SourceTables.PRIMARY_KEY, key), Set.of());
  }

  /** When the value of {@code column} was set (for a known value). */
  public SourcePosition valuePosition(String column) {
    return valuePositions.getOrDefault(column, position);
  }

  /** The value of {@link SilverColumns#SEQUENCE} for this state. */
  public String sequence() {
    return position.sortKey();
  }
}
