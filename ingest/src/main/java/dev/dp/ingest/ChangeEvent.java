package dev.dp.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change of one row, parsed and typed.
 *
 * @param topic the Kafka topic
 * @param table the source table (one of {@link dev.dp.catalog.SourceTables#NAMES})
 * @param key the primary key id
 * @param op what happened
 * @param position where the change sits in the source's history; changes apply in this order
 * @param committedAt when the source committed the change ({@code source.ts_ms}), null if absent
 * @param columns every column of the table as of this change, in table order
 * @param values the typed values of the row after the change, in table order (null values are SQL
 *     NULLs); for a delete only the key; never the TOAST placeholder
 * @param unchangedColumns columns whose value the change did not carry (the TOAST placeholder):
 *     their stored value stays
 */
public record ChangeEvent(
    String topic,
    String table,
    String key,
    Op op,
    SourcePosition position,
    Instant committedAt,
    List<ColumnType> columns,
    Map<String, Object> values,
    Set<String> unchangedColumns)
    implements ParsedMessage, Serializable {

  public ChangeEvent {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(position, "position");
    columns = List.copyOf(columns);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    unchangedColumns = Collections.unmodifiableSet(new LinkedHashSet<>(unchangedColumns));
  }

  /** True for a delete. */
  public boolean isDelete() {
    return op == Op.DELETE;
  }
}
