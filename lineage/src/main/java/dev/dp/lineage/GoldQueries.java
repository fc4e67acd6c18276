package dev.dp.lineage;

import dev.dp.catalog.LakehouseLayout;
import dev.dp.catalog.SourceTables;
import dev.dp.process.GoldSchema;
import dev.dp.process.GoldTable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gold SQL reads, from the SQL itself: the silver views each gold query selects from, and
 * the gold table each gold view is defined over.
 */
public final class GoldQueries {

  private static final Pattern SILVER_VIEW =
      Pattern.compile("\\b" + LakehouseLayout.SILVER + "\\.(\\w+)");
  private static final Pattern VIEW =
      Pattern.compile(
          "CREATE OR REPLACE VIEW (" + GoldSchema.SCHEMA + "\\.\\w+) AS(.*?);", Pattern.DOTALL);
  private static final Pattern GOLD_TABLE =
      Pattern.compile("\\bFROM " + GoldSchema.SCHEMA + "\\.(\\w+)");

  private GoldQueries() {}

  /** The source tables whose silver views the Spark SQL of {@code table} reads. */
  public static Set<String> silverTablesRead(GoldTable table) {
    return silverTablesRead(table.sparkSql());
  }

  static Set<String> silverTablesRead(String sql) {
    Set<String> tables = new LinkedHashSet<>();
    Matcher m = SILVER_VIEW.matcher(withoutComments(sql));
    while (m.find()) {
      if (SourceTables.NAMES.contains(m.group(1))) {
        tables.add(m.group(1));
      }
    }
    return tables;
  }

  /**
   * Each view of {@link GoldSchema#VIEWS} with the gold table it reads, from the gold DDL.
   *
   * @throws IllegalStateException when a view is missing from the DDL or reads no gold table
   */
  public static Map<String, GoldTable> viewSources() {
    return viewSources(GoldSchema.ddl());
  }

  static Map<String, GoldTable> viewSources(String ddl) {
    Map<String, GoldTable> found = new LinkedHashMap<>();
    Matcher v = VIEW.matcher(withoutComments(ddl));
    while (v.find()) {
      Matcher from = GOLD_TABLE.matcher(v.group(2));
      while (from.find()) {
        for (GoldTable t : GoldTable.values()) {
          if (t.tableName().equals(from.group(1))) {
            found.put(v.group(1), t);
          }
        }
      }
    }
    Map<String, GoldTable> ordered = new LinkedHashMap<>();
    for (String view : GoldSchema.VIEWS) {
      GoldTable t = found.get(view);
      if (t == null) {
        throw new IllegalStateException("the gold DDL defines no view " + view + " over gold");
      }
      ordered.put(view, t);
    }
    return ordered;
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("--[^\\n]*", "");
  }
}
