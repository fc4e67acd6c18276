package dev.dp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import dev.dp.catalog.SourceTables;
import dev.dp.contracts.Visibility;
import dev.dp.ingest.ColumnType;
import dev.dp.ingest.MergeDecision;
import dev.dp.ingest.SilverColumns;
import dev.dp.ingest.SourcePosition;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
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

  /**
   * The silver table property holding the position of the newest {@code TRUNCATE} applied: changes
   * at or before it are replays and are ignored.
   */
  static final String TRUNCATED_BEFORE = "dp.truncated-before";

  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final Map<String, String> truncatedBefore = new ConcurrentHashMap<>();

  /**
   * Applies one table's changes of the batch; returns what happened.
   *
   * @param needsStoredRows some change left a column unchanged (TOAST placeholder): the decision
   *     must see the stored rows to keep their values; otherwise the MERGE's sequence guard alone
   *     decides, and the stored rows are not read a second time
   */
  TableResult write(
      Dataset<Row> parsed,
      String table,
      List<ColumnType> columns,
      boolean needsStoredRows,
      long batchId) {
    // The micro-batch's own session: its temp views and plans are the ones the MERGE must see.
    SparkSession spark = parsed.sparkSession();
    String stateTable = IngestTables.silverStateTable(table);
    // Reads and MERGE go by path: the metastore is consulted only to register tables and views.
    String byPath = DeltaWrites.byPath(IngestTables.silverPath(table));
    JobTimes.step(spark.sparkContext(), "silver-schema");
    StructType schema = ensureTableAndColumns(spark, table, stateTable, byPath, columns);
    JobTimes.step(spark.sparkContext(), "silver-merge");

    Dataset<Row> changes =
        ParsedRecords.ofKind(parsed, ParsedRecords.Kind.CHANGE)
            .filter(col(ParsedRecords.TABLE).equalTo(table));
    String truncated = truncatedBefore.get(table);
    if (truncated != null) {
      changes = changes.filter(col("source_sequence").gt(truncated));
    }
    Dataset<Row> folded =
        changes
            .select(col(ParsedRecords.KEY_ID), col(ParsedRecords.CHANGE))
            .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
            .mapGroups(new SilverDecisions.Fold(), Encoders.row(SilverDecisions.FOLDED));
    Column[] silverColumns =
        Arrays.stream(schema.fieldNames()).map(c -> col(quote(c))).toArray(Column[]::new);
    Dataset<Row> toDecide;
    if (needsStoredRows) {
      Dataset<Row> stored =
          spark
              .table(byPath)
              .select(
                  col(quote(KEY)).as(SilverDecisions.STORED_KEY),
                  struct(silverColumns).as("stored"));
      toDecide =
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
                  col("stored"));
    } else {
      toDecide =
          folded.select(col(SilverDecisions.FOLDED_STATE), col(SilverDecisions.FOLDED_CHANGES));
    }
    DecisionTally tally = new DecisionTally();
    spark.sparkContext().register(tally); // unnamed: not listed as a metric
    // Computed once: the MERGE materialises its source before it reads the target.
    Dataset<Row> source =
        toDecide
            .mapPartitions(
                new SilverDecisions.Decide(table, schema, batchId, tally),
                Encoders.row(SilverDecisions.decidedSchema(schema)))
            .filter(col(SilverDecisions.APPLIED))
            .select(silverColumns);
    String view = "dp_silver_batch_" + table;
    source.createOrReplaceTempView(view);
    Row metrics =
        spark
            .sql(
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
                    + " THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *")
            .first();
    spark.catalog().dropTempView(view);
    long written =
        metrics.<Long>getAs("num_updated_rows") + metrics.<Long>getAs("num_inserted_rows");
    String newest = tally.newestAppliedSequence();
    return new TableResult(
        table,
        written,
        Math.max(0, tally.keys() - written),
        tally.unresolvedToast(),
        newest == null ? null : SourcePosition.fromSortKey(newest),
        written == 0 ? List.of() : tally.visible());
  }

  /**
   * Applies a {@code TRUNCATE} of {@code table} at {@code position} (a sort key): first records the
   * position in the table's {@value #TRUNCATED_BEFORE} property (so that from now on older changes
   * are replays), then turns every live row older than it into a tombstone. Both steps are
   * idempotent, so a batch replayed after a crash between them completes the truncate.
   *
   * @return the rows the truncate removed from the live table
   */
  long truncate(SparkSession spark, String table, String position, long batchId) {
    String path = IngestTables.silverPath(table);
    if (!isDeltaTable(spark, path)) {
      // no change of the table was ever applied: nothing to remove, and nothing older to replay
      // that would not also find the property missing; record it once the table exists
      System.out.printf(
          "Ingest batch %d: TRUNCATE %s at %s before silver has the table: nothing to remove%n",
          batchId, table, SourcePosition.fromSortKey(position));
      return 0;
    }
    String byPath = DeltaWrites.byPath(path);
    JobTimes.step(spark.sparkContext(), "silver-truncate");
    String recorded = recordedTruncate(spark, table, path);
    if (recorded == null || recorded.compareTo(position) < 0) {
      spark.sql(
          "ALTER TABLE "
              + byPath
              + " SET TBLPROPERTIES ('"
              + TRUNCATED_BEFORE
              + "' = '"
              + position
              + "')");
      truncatedBefore.put(table, position);
    }
    Row metrics =
        spark
            .sql(
                "UPDATE "
                    + byPath
                    + " SET "
                    + SilverColumns.DELETED
                    + " = true, "
                    + SilverColumns.SEQUENCE
                    + " = '"
                    + position
                    + "', "
                    + BATCH_ID
                    + " = "
                    + batchId
                    + ", "
                    + UPDATED_AT
                    + " = current_timestamp() WHERE NOT "
                    + SilverColumns.DELETED
                    + " AND "
                    + SilverColumns.SEQUENCE
                    + " < '"
                    + position
                    + "'")
            .first();
    long removed = metrics.getLong(0);
    System.out.printf(
        "Ingest batch %d: TRUNCATE %s at %s: %d live row(s) became tombstones%n",
        batchId, table, SourcePosition.fromSortKey(position), removed);
    return removed;
  }

  /** The truncate position recorded in the table's properties (read once per job run). */
  private String recordedTruncate(SparkSession spark, String table, String path) {
    return truncatedBefore.computeIfAbsent(
        table,
        t -> {
          for (Row p :
              spark.sql("SHOW TBLPROPERTIES " + DeltaWrites.byPath(path)).collectAsList()) {
            if (TRUNCATED_BEFORE.equals(p.getString(0))) {
              return p.getString(1);
            }
          }
          return null;
        });
  }

  private static boolean isDeltaTable(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.FileSystem fs =
          org.apache.hadoop.fs.FileSystem.get(spark.sparkContext().hadoopConfiguration());
      return dev.dp.lakehouse.DeltaVersions.latest(fs, path) >= 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + path, e);
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
      if (isDeltaTable(spark, IngestTables.silverPath(table))) {
        recordedTruncate(spark, table, IngestTables.silverPath(table));
      }
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
   * @param ignored keys whose batch state was older than or equal to silver's (replays)
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
      List<Visibility.CommitBucket> visible) {

    /** A table the batch only truncated. */
    static TableResult nothing(String table) {
      return new TableResult(table, 0, 0, 0, null, List.of());
    }

    /** This result with {@code removed} rows a truncate made tombstones counted as applied. */
    TableResult plusRemoved(long removed) {
      return new TableResult(
          table, applied + removed, ignored, unresolvedToast, lastApplied, visible);
    }
  }
}
