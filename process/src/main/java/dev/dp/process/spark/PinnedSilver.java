package dev.dp.process.spark;

import dev.dp.catalog.LakehouseLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Makes a refresh read one consistent set of silver versions: each {@code silver.<table>} the gold
 * SQL names is replaced by a temporary view of the live rows of that table's Delta log <em>at the
 * version recorded in the watermark</em> ({@code VERSION AS OF}), so the ingest job's commits
 * during the refresh are neither half-seen nor misattributed.
 */
final class PinnedSilver {

  private static final Pattern SILVER_REF = Pattern.compile("\\bsilver\\.([a-z_][a-z0-9_]*)\\b");

  private static final int LOADERS = 4;

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

  /**
   * Registers {@code dp_pinned_<table>} for each table at its version, cached for the refresh: the
   * five gold queries read the same tables many times, and each Delta snapshot is loaded once.
   *
   * @return the cached datasets, to {@link Dataset#unpersist() unpersist} after the refresh
   */
  static List<Dataset<Row>> register(SparkSession spark, Map<String, Long> versions) {
    // Loading a snapshot is mostly driver-side waiting on HDFS: load the tables side by side.
    ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
    try {
      List<Future<Dataset<Row>>> loading = new ArrayList<>();
      versions.forEach(
          (table, version) -> loading.add(loaders.submit(() -> pin(spark, table, version))));
      List<Dataset<Row>> cached = new ArrayList<>();
      for (Future<Dataset<Row>> f : loading) {
        cached.add(f.get());
      }
      return cached;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pinning silver", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot read silver: " + e.getCause().getMessage(), e.getCause());
    } finally {
      loaders.shutdownNow();
    }
  }

  private static Dataset<Row> pin(SparkSession spark, String table, long version) {
    Dataset<Row> all =
        spark
            .read()
            .format("delta")
            .option("versionAsOf", version)
            .load(LakehouseLayout.tablePath(LakehouseLayout.SILVER, table));
    Column[] columns =
        Arrays.stream(all.schema().fieldNames())
            .filter(c -> !c.startsWith(LakehouseLayout.SYSTEM_COLUMN_PREFIX))
            .map(all::col)
            .toArray(Column[]::new);
    Dataset<Row> live =
        all.where(functions.not(all.col(LakehouseLayout.SILVER_DELETED))).select(columns).cache();
    live.count(); // materialise the cache now, while the other tables load too
    live.createOrReplaceTempView("dp_pinned_" + table);
    return live;
  }
}
