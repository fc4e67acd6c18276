package dev.dp.process.spark;

import dev.dp.catalog.LakehouseLayout;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Makes a refresh read one consistent set of silver versions: each {@code silver.<table>} the gold
 * SQL names is replaced by a temporary view of the live rows of that table's Delta log <em>at the
 * version recorded in the watermark</em> ({@code VERSION AS OF}), so the ingest job's commits
 * during the refresh are neither half-seen nor misattributed.
 */
final class PinnedSilver {

  private static final Pattern SILVER_REF = Pattern.compile("\\bsilver\\.([a-z_][a-z0-9_]*)\\b");

  private PinnedSilver() {}

  /** The silver tables a gold query reads. */
  static Set<String> tablesIn(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher m = SILVER_REF.matcher(sql);
    while (m.find()) {
      tables.add(m.group(1));
    }
    return tables;
  }

  /** The gold query reading the pinned views instead of the live silver views. */
  static String rewrite(String sql) {
    return SILVER_REF.matcher(sql).replaceAll("dp_pinned_$1");
  }

  /** Registers {@code dp_pinned_<table>} for each table at its version. */
  static void register(SparkSession spark, Map<String, Long> versions) {
    versions.forEach(
        (table, version) -> {
          String path = LakehouseLayout.tablePath(LakehouseLayout.SILVER, table);
          String source = "delta.`" + path + "` VERSION AS OF " + version;
          String columns =
              Arrays.stream(spark.sql("SELECT * FROM " + source).schema().fieldNames())
                  .filter(c -> !c.startsWith(LakehouseLayout.SYSTEM_COLUMN_PREFIX))
                  .map(c -> "`" + c + "`")
                  .collect(Collectors.joining(", "));
          spark.sql(
              "CREATE OR REPLACE TEMPORARY VIEW dp_pinned_"
                  + table
                  + " AS SELECT "
                  + columns
                  + " FROM "
                  + source
                  + " WHERE NOT "
                  + LakehouseLayout.SILVER_DELETED);
        });
  }
}
