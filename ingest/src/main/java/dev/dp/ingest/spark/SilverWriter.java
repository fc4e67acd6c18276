package dev.dp.ingest.spark;

import dev.dp.catalog.SourceTables;
import dev.dp.ingest.ColumnType;
import dev.dp.ingest.FoldedBatch;
import dev.dp.ingest.MergeDecision;
import dev.dp.ingest.MergeOutcome;
import dev.dp.ingest.RowState;
import dev.dp.ingest.SilverColumns;
import dev.dp.ingest.SourcePosition;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Silver: the current state of each source table in {@code silver.<table>_state} (Delta at {@code
 * /data/delta/silver/<table>}), with the sequence of the last applied change and a tombstone flag
 * per key; {@code silver.<table>} is a view of the live rows and source columns only.
 *
 * <p>Per micro-batch and table: the batch's changes, already folded per key in source order, are
 * applied to the stored rows of the same keys with {@link MergeDecision} (newer wins, older and
 * duplicate ignored, tombstones kept, unchanged TOASTed values kept), and the results are MERGEd
 * under the same sequence guard, so a replayed batch changes nothing. The job is silver's only
 * writer, so reading the touched keys and writing them back is safe.
 */
final class SilverWriter {

  static final String BATCH_ID = "_dp_batch_id";
  static final String UPDATED_AT = "_dp_updated_at";
  private static final String KEY = SourceTables.PRIMARY_KEY;

  private final SparkSession spark;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  SilverWriter(SparkSession spark) {
    this.spark = spark;
  }

  /** Applies one table's folded changes; returns what happened, for the batch log line. */
  TableResult write(FoldedBatch batch, String table, long batchId) {
    List<RowState> states = batch.states(table);
    if (states.isEmpty()) {
      return new TableResult(table, 0, 0, 0, null);
    }
    String stateTable = IngestTables.silverStateTable(table);
    List<ColumnType> columns = batch.columns(table);
    // Reads and MERGE go by path: the metastore is consulted only to register tables and views.
    String byPath = DeltaWrites.byPath(IngestTables.silverPath(table));
    StructType schema = ensureTableAndColumns(table, stateTable, byPath, columns);
    Map<String, Row> stored = storedRows(byPath, states);
    List<Row> out = new ArrayList<>();
    int ignored = 0;
    int unresolved = 0;
    SourcePosition last = null;
    Timestamp now = Timestamp.from(Instant.now());
    for (RowState incoming : states) {
      MergeOutcome outcome =
          MergeDecision.apply(toState(table, stored.get(incoming.key()), schema), incoming);
      if (outcome instanceof MergeOutcome.Applied applied) {
        out.add(toRow(applied.state(), schema, batchId, now));
        unresolved += applied.unresolvedToastColumns().size();
        if (last == null || applied.state().position().isAfter(last)) {
          last = applied.state().position();
        }
      } else {
        ignored++;
      }
    }
    if (!out.isEmpty()) {
      Dataset<Row> updates = spark.createDataFrame(out, schema);
      String view = "dp_silver_batch_" + table;
      updates.createOrReplaceTempView(view);
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
    return new TableResult(table, out.size(), ignored, unresolved, last);
  }

  /** Creates the table and adds new source columns when needed; returns the table's schema. */
  private StructType ensureTableAndColumns(
      String table, String stateTable, String byPath, List<ColumnType> columns) {
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
      List<String> dataColumns = dataColumns(schema);
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

  private Map<String, Row> storedRows(String byPath, List<RowState> states) {
    List<Row> keys = new ArrayList<>(states.size());
    for (RowState s : states) {
      keys.add(RowFactory.create(s.key()));
    }
    StructType keySchema =
        new StructType(
            new StructField[] {DataTypes.createStructField(KEY, DataTypes.StringType, false)});
    Dataset<Row> keyDf = spark.createDataFrame(keys, keySchema);
    Map<String, Row> stored = new HashMap<>();
    for (Row r : spark.table(byPath).join(keyDf, KEY).collectAsList()) {
      stored.put(r.getAs(KEY), r);
    }
    return stored;
  }

  /** The stored silver row as the state {@link MergeDecision} merges into; null when none. */
  private static RowState toState(String table, Row row, StructType schema) {
    if (row == null) {
      return null;
    }
    boolean deleted = Boolean.TRUE.equals(row.getAs(SilverColumns.DELETED));
    Map<String, Object> values = new LinkedHashMap<>();
    if (!deleted) {
      for (String c : dataColumns(schema)) {
        values.put(c, row.getAs(c));
      }
    } else {
      values.put(KEY, row.getAs(KEY));
    }
    return new RowState(
        table,
        row.getAs(KEY),
        SourcePosition.fromSortKey(row.getAs(SilverColumns.SEQUENCE)),
        deleted,
        values,
        Set.of());
  }

  private static Row toRow(RowState state, StructType schema, long batchId, Timestamp now) {
    Object[] values = new Object[schema.size()];
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      values[i] =
          switch (names[i]) {
            case SilverColumns.SEQUENCE -> state.sequence();
            case SilverColumns.DELETED -> state.deleted();
            case BATCH_ID -> batchId;
            case UPDATED_AT -> now;
            default -> KEY.equals(names[i]) ? state.key() : state.values().get(names[i]);
          };
    }
    return RowFactory.create(values);
  }

  private static List<String> dataColumns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).filter(n -> !n.startsWith("_dp_")).toList();
  }

  private static String quote(String identifier) {
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
   */
  record TableResult(
      String table, int applied, int ignored, int unresolvedToast, SourcePosition lastApplied) {}
}
