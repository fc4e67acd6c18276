package dev.dp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import dev.dp.catalog.SourceTables;
import dev.dp.contracts.Visibility;
import dev.dp.ingest.ColumnType;
import dev.dp.ingest.MergeDecision;
import dev.dp.ingest.SilverColumns;
import dev.dp.ingest.SourcePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Silver: the current state of each source table in {@code silver.<table>_state} (Delta at {@code
 * /data/delta/silver/<table>}), with the sequence of the last applied change and a tombstone flag
 * per key; {@code silver.<table>} is a view of the live rows and source columns only.
 *
 * <p>Per micro-batch and table, on the executors: the table's changes are folded per key in source
 * order ({@link SilverDecisions.Fold}), joined with the stored rows of the same keys, and decided
 * with {@link MergeDecision} (newer wins, older and duplicate ignored, tombstones kept, unchanged
 * TOASTed values kept) ({@link SilverDecisions.Decide}); the applied rows are MERGEd under the same
 * sequence guard, so a replayed batch changes nothing. Only counts reach the driver. The job is
 * silver's only writer, so reading the touched keys and writing them back is safe.
 */
final class SilverWriter {

  static final String BATCH_ID = "_dp_batch_id";
  static final String UPDATED_AT = "_dp_updated_at";
  private static final String KEY = SourceTables.PRIMARY_KEY;

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** Applies one table's changes of the batch; returns what happened. */
  TableResult write(Dataset<Row> parsed, String table, List<ColumnType> columns, long batchId) {
    // The micro-batch's own session: its temp views and plans are the ones the MERGE must see.
    SparkSession spark = parsed.sparkSession();
    String stateTable = IngestTables.silverStateTable(table);
    // Reads and MERGE go by path: the metastore is consulted only to register tables and views.
    String byPath = DeltaWrites.byPath(IngestTables.silverPath(table));
    JobTimes.step(spark.sparkContext(), "silver-schema");
    StructType schema = ensureTableAndColumns(spark, table, stateTable, byPath, columns);
    JobTimes.step(spark.sparkContext(), "silver-decide");

    Dataset<Row> folded =
        parsed
            .filter(
                col(ParsedRecords.KIND)
                    .equalTo(ParsedRecords.Kind.CHANGE.name())
                    .and(col(ParsedRecords.TABLE).equalTo(table)))
            .select(col(ParsedRecords.KEY_ID), col(ParsedRecords.CHANGE))
            .groupByKey(
                (org.apache.spark.api.java.function.MapFunction<Row, String>) r -> r.getString(0),
                Encoders.STRING())
            .mapGroups(new SilverDecisions.Fold(), Encoders.row(SilverDecisions.FOLDED));
    Column[] storedColumns =
        Arrays.stream(schema.fieldNames()).map(c -> col(quote(c))).toArray(Column[]::new);
    Dataset<Row> stored =
        spark
            .table(byPath)
            .select(
                col(quote(KEY)).as(SilverDecisions.STORED_KEY), struct(storedColumns).as("stored"));
    Dataset<Row> decided =
        folded
            .join(
                stored,
                folded
                    .col(SilverDecisions.FOLDED_KEY)
                    .equalTo(stored.col(SilverDecisions.STORED_KEY)),
                "left_outer")
            .select(
                col(SilverDecisions.FOLDED_STATE),
                col(SilverDecisions.FOLDED_CHANGES),
                col("stored"))
            .mapPartitions(
                new SilverDecisions.Decide(table, schema, batchId),
                Encoders.row(SilverDecisions.decidedSchema(schema)))
            .persist();
    try {
      Row totals =
          decided
              .groupBy()
              .agg(
                  sum(col(SilverDecisions.APPLIED).cast("long")),
                  count(lit(1)),
                  sum(col(SilverDecisions.UNRESOLVED)),
                  max(
                      org.apache.spark.sql.functions.when(
                          col(SilverDecisions.APPLIED), col(SilverColumns.SEQUENCE))))
              .first();
      long applied = totals.isNullAt(0) ? 0 : totals.getLong(0);
      long ignored = totals.getLong(1) - applied;
      long unresolved = totals.isNullAt(2) ? 0 : totals.getLong(2);
      SourcePosition last =
          totals.isNullAt(3) ? null : SourcePosition.fromSortKey(totals.getString(3));
      List<Visibility.CommitBucket> visible = new ArrayList<>();
      if (applied > 0) {
        for (Row b :
            decided
                .filter(col(SilverDecisions.APPLIED))
                .select(explode(col(SilverDecisions.VISIBLE)).as("bucket"))
                .groupBy("bucket")
                .count()
                .collectAsList()) {
          visible.add(new Visibility.CommitBucket(b.getLong(0), b.getLong(1)));
        }
        JobTimes.step(spark.sparkContext(), "silver-merge");
        String view = "dp_silver_batch_" + table;
        // As an RDD-backed frame: the MERGE's source plan must not change its cached parts while
        // it runs, and the other tables' writers persist and unpersist their own frames meanwhile.
        spark
            .createDataFrame(
                decided.filter(col(SilverDecisions.APPLIED)).select(storedColumns).javaRDD(),
                schema)
            .createOrReplaceTempView(view);
        spark.sql(
            "MERGE INTO "
                + byPath
                + " t USING "
                + view
                + " s ON t."
                + quote(KEY)
                + " = s."
                + quote(KEY)
                + " WHEN MATCHED AND "
                + MergeDecision.guardCondition("s", "t")
                + " THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
        spark.catalog().dropTempView(view);
      }
      visible.sort(java.util.Comparator.comparingLong(Visibility.CommitBucket::startMillis));
      return new TableResult(table, applied, ignored, unresolved, last, visible);
    } finally {
      decided.unpersist();
    }
  }

  /** Creates the table and adds new source columns when needed; returns the table's schema. */
  private StructType ensureTableAndColumns(
      SparkSession spark,
      String table,
      String stateTable,
      String byPath,
      List<ColumnType> columns) {
    boolean changed = false;
    if (known.add(table)) {
      String ddl =
          columns.stream().map(ColumnType::ddl).collect(Collectors.joining(", "))
              + ", "
              + SilverColumns.SEQUENCE
              + " "
              + SilverColumns.SEQUENCE_TYPE
              + ", "
              + SilverColumns.DELETED
              + " "
              + SilverColumns.DELETED_TYPE
              + ", "
              + BATCH_ID
              + " BIGINT, "
              + UPDATED_AT
              + " TIMESTAMP";
      DeltaWrites.ensureTable(spark, stateTable, IngestTables.silverPath(table), ddl);
      changed = true;
    }
    StructType schema = spark.table(byPath).schema();
    Set<String> existing = new HashSet<>(Arrays.asList(schema.fieldNames()));
    List<String> added =
        columns.stream().filter(c -> !existing.contains(c.name())).map(ColumnType::ddl).toList();
    if (!added.isEmpty()) {
      // A column added in the source: Delta schema evolution, no restart.
      spark.sql("ALTER TABLE " + stateTable + " ADD COLUMNS (" + String.join(", ", added) + ")");
      changed = true;
    }
    if (changed) {
      schema = spark.table(byPath).schema();
      List<String> dataColumns = SilverDecisions.dataColumns(schema);
      spark.sql(
          "CREATE OR REPLACE VIEW "
              + IngestTables.silverView(table)
              + " AS SELECT "
              + dataColumns.stream().map(SilverWriter::quote).collect(Collectors.joining(", "))
              + " FROM "
              + stateTable
              + " WHERE NOT "
              + SilverColumns.DELETED);
    }
    return schema;
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /**
   * What one table's part of a batch did.
   *
   * @param table source table
   * @param applied keys written
   * @param ignored keys whose batch state was older than or equal to silver's
   * @param unresolvedToast unchanged TOASTed values with no stored value to keep
   * @param lastApplied position of the newest applied change, or null
   * @param visible source commit times of the changes the MERGE made visible
   */
  record TableResult(
      String table,
      long applied,
      long ignored,
      long unresolvedToast,
      SourcePosition lastApplied,
      List<Visibility.CommitBucket> visible) {}
}
