package dev.dp.lineage;

import dev.dp.catalog.SourceSchema;
import dev.dp.catalog.SourceTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of the 15 source tables, in table order, read from the source schema's DDL ({@link
 * SourceSchema#ddl()}), so the lineage names exactly the columns the generator creates.
 */
public final class SourceSchemaColumns {

  private static final Pattern TABLE =
      Pattern.compile(
          "CREATE TABLE IF NOT EXISTS " + SourceTables.SCHEMA + "\\.(\\w+) \\((.*?)\\n\\);",
          Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+)\\s+\\w");

  private SourceSchemaColumns() {}

  /** Column names per source table, in {@link SourceTables#NAMES} order. */
  public static Map<String, List<String>> standard() {
    return parse(SourceSchema.ddl());
  }

  /** Column names per table of {@code ddl}'s {@code CREATE TABLE} statements. */
  static Map<String, List<String>> parse(String ddl) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    Matcher t = TABLE.matcher(ddl);
    while (t.find()) {
      List<String> columns = new ArrayList<>();
      for (String line : t.group(2).split("\n")) {
        Matcher c = COLUMN.matcher(line);
        if (c.find()) {
          columns.add(c.group(1));
        }
      }
      found.put(t.group(1), List.copyOf(columns));
    }
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    for (String table : SourceTables.NAMES) {
      List<String> columns = found.get(table);
      if (columns == null) {
        throw new IllegalStateException("the source schema DDL has no table " + table);
      }
      ordered.put(table, columns);
    }
    return ordered;
  }
}
