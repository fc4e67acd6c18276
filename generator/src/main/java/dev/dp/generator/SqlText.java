package dev.dp.generator;

import dev.dp.catalog.SourceTables;
import java.util.List;

/** The SQL text of the generator's statements. Placeholders may carry a cast, e.g. {@code ?::x}. */
final class SqlText {

  private SqlText() {}

  static String insert(String table, List<String> columns, List<String> placeholders) {
    return "INSERT INTO "
        + SourceTables.qualified(table)
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", placeholders)
        + ")";
  }

  static String update(String table, String column, String placeholder) {
    return "UPDATE "
        + SourceTables.qualified(table)
        + " SET "
        + column
        + " = "
        + placeholder
        + " WHERE "
        + SourceTables.PRIMARY_KEY
        + " = ?";
  }

  static String delete(String table) {
    return "DELETE FROM "
        + SourceTables.qualified(table)
        + " WHERE "
        + SourceTables.PRIMARY_KEY
        + " = ?";
  }

  static String placeholder(String cast) {
    return cast == null ? "?" : "?::" + cast;
  }
}
