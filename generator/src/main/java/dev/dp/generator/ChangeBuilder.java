package dev.dp.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects the statements of one change and applies each to the model as it is added, so later
 * statements of the same change see the earlier ones.
 */
final class ChangeBuilder {

  private final LiveModel model;
  private final List<Statement> statements = new ArrayList<>();

  ChangeBuilder(LiveModel model) {
    this.model = model;
  }

  void insert(RowValues row) {
    model.insert(row.toLiveRow());
    statements.add(row.toStatement());
  }

  /** Sets one column; {@code cast} is the PostgreSQL type to cast to, or null. */
  void update(String table, String id, String column, String cast, Object value) {
    if (!model.contains(table, id)) {
      throw new IllegalStateException("update of missing " + table + " " + id);
    }
    if (TrackedColumns.stateColumn(table).filter(column::equals).isPresent()) {
      model.setState(table, id, (String) value);
    }
    List<Object> params = new ArrayList<>();
    params.add(value);
    params.add(UUID.fromString(id));
    statements.add(
        new Statement(
            table,
            Statement.Op.UPDATE,
            SqlText.update(table, column, SqlText.placeholder(cast)),
            params));
  }

  /** Deletes the row and, children first, every row that references it. */
  void deleteWithDependents(String table, String id) {
    for (ForeignKeyGraph.RowRef row : ForeignKeyGraph.deletionOrder(model, table, id)) {
      model.delete(row.table(), row.id());
      statements.add(
          new Statement(
              row.table(),
              Statement.Op.DELETE,
              SqlText.delete(row.table()),
              List.of(UUID.fromString(row.id()))));
    }
  }

  Change build(long number, String kind) {
    return new Change(number, kind, statements);
  }
}
