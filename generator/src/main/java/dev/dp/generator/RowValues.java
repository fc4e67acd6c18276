package dev.dp.generator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The column values of one row to insert. Turns into both the INSERT statement and the {@link
 * LiveRow} the model keeps, so the two cannot disagree.
 */
final class RowValues {

  private final String table;
  private final List<String> columns = new ArrayList<>();
  private final List<String> placeholders = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  RowValues(String table, UUID id) {
    this.table = table;
    set("id", id);
  }

  String table() {
    return table;
  }

  String id() {
    return value("id").toString();
  }

  /** A plain column; parent ids given as strings are bound as uuid. */
  RowValues set(String column, Object value) {
    return add(column, null, value);
  }

  /** A parent reference. */
  RowValues ref(String column, String parentId) {
    return add(column, null, UUID.fromString(parentId));
  }

  /** A column of a PostgreSQL ENUM (or jsonb) type: the value is cast in SQL. */
  RowValues cast(String column, String type, String value) {
    return add(column, type, value);
  }

  Object value(String column) {
    int i = columns.indexOf(column);
    return i < 0 ? null : params.get(i);
  }

  Statement toStatement() {
    return new Statement(
        table, Statement.Op.INSERT, SqlText.insert(table, columns, placeholders), params);
  }

  LiveRow toLiveRow() {
    Map<String, String> refs = new HashMap<>();
    for (ForeignKey fk : ForeignKeyGraph.outgoing(table)) {
      Object parent = value(fk.column());
      if (parent != null) {
        refs.put(fk.column(), parent.toString());
      }
    }
    long time =
        TrackedColumns.timeColumn(table)
            .map(c -> (OffsetDateTime) value(c))
            .map(OffsetDateTime::toEpochSecond)
            .orElse(0L);
    String state = TrackedColumns.stateColumn(table).map(c -> (String) value(c)).orElse(null);
    return new LiveRow(table, id(), time, state, refs);
  }

  private RowValues add(String column, String cast, Object value) {
    if (columns.contains(column)) {
      throw new IllegalArgumentException(table + "." + column + " set twice");
    }
    columns.add(column);
    placeholders.add(SqlText.placeholder(cast));
    params.add(value);
    return this;
  }
}
