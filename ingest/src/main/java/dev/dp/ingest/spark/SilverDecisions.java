package dev.dp.ingest.spark;

import dev.dp.catalog.SourceTables;
import dev.dp.contracts.Visibility;
import dev.dp.ingest.BatchFolder;
import dev.dp.ingest.ChangeEvent;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The executor side of the silver MERGE: the pure rules of {@link BatchFolder} and {@link
 * MergeDecision} applied to one key at a time, so a batch's size never matters to the driver.
 */
final class SilverDecisions {

  static final String FOLDED_KEY = "folded_key";
  static final String FOLDED_STATE = "folded_state";
  static final String FOLDED_CHANGES = "folded_changes";
  static final String STORED_KEY = "stored_key";

  static final String APPLIED = "_dp_applied";

  /** One key of a batch folded: its state and the position and commit time of each change. */
  static final StructType FOLDED =
      StructType.fromDDL(
          FOLDED_KEY
              + " STRING, "
              + FOLDED_STATE
              + " BINARY, "
              + FOLDED_CHANGES
              + " ARRAY<STRUCT<sequence: STRING, committed_ms: BIGINT>>");

  private SilverDecisions() {}

  /** The silver columns (all nullable: ignored keys carry no values) and the applied flag. */
  static StructType decidedSchema(StructType silver) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : silver.fields()) {
      fields.add(DataTypes.createStructField(f.name(), f.dataType(), true, f.metadata()));
    }
    fields.add(DataTypes.createStructField(APPLIED, DataTypes.BooleanType, false));
    return DataTypes.createStructType(fields);
  }

  /** The source columns of a silver schema (without dp's own {@code _dp_} columns). */
  static List<String> dataColumns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).filter(n -> !n.startsWith("_dp_")).toList();
  }

  /** Folds one key's changes of the batch, in source order, into the state to merge. */
  static final class Fold implements MapGroupsFunction<String, Row, Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public Row call(String key, Iterator<Row> changes) {
      List<ChangeEvent> events = new ArrayList<>();
      List<Row> positions = new ArrayList<>();
      while (changes.hasNext()) {
        ChangeEvent e = ParsedRecords.change((byte[]) changes.next().get(1));
        events.add(e);
        positions.add(
            RowFactory.create(
                e.position().sortKey(),
                e.committedAt() == null ? null : e.committedAt().toEpochMilli()));
      }
      FoldedBatch folded = BatchFolder.fold(events);
      return RowFactory.create(
          key, ParsedRecords.serialize(folded.states().get(0)), positions.toArray());
    }
  }

  /**
   * Merges each folded key onto its stored silver row (input: folded state, its changes, the stored
   * row or null); one output row per key, and each key counted in the {@link DecisionTally}.
   * Without stored rows (the input has two columns) every key is offered to the MERGE, whose
   * sequence guard then does what {@link MergeDecision} would: valid only when no change of the
   * batch left a column unchanged.
   */
  static final class Decide implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final StructType schema;
    private final long batchId;
    private final DecisionTally tally;

    Decide(String table, StructType schema, long batchId, DecisionTally tally) {
      this.table = table;
      this.schema = schema;
      this.batchId = batchId;
      this.tally = tally;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> keys) {
      Timestamp now = Timestamp.from(Instant.now());
      List<String> dataColumns = dataColumns(schema);
      return ParsedRecords.lazyMap(keys, r -> decide(r, dataColumns, now));
    }

    private Row decide(Row r, List<String> dataColumns, Timestamp now) {
      RowState incoming = (RowState) ParsedRecords.deserialize((byte[]) r.get(0));
      Row storedRow = r.size() < 3 || r.isNullAt(2) ? null : r.getStruct(2);
      RowState stored = toState(storedRow, dataColumns);
      MergeOutcome outcome = MergeDecision.apply(stored, incoming);
      Object[] values = new Object[schema.size() + 1];
      if (outcome instanceof MergeOutcome.Applied applied) {
        fill(values, applied.state(), now);
        values[schema.size()] = true;
        tally.add(
            new DecisionTally.Key(
                true,
                applied.state().sequence(),
                applied.unresolvedToastColumns().size(),
                visible(r.getList(1), stored)));
      } else {
        values[Arrays.asList(schema.fieldNames()).indexOf(SourceTables.PRIMARY_KEY)] =
            incoming.key();
        values[schema.size()] = false;
        tally.add(new DecisionTally.Key(false, incoming.sequence(), 0, new long[0]));
      }
      return RowFactory.create(values);
    }

    /** The stored silver row as the state {@link MergeDecision} merges into; null when none. */
    private RowState toState(Row row, List<String> dataColumns) {
      if (row == null) {
        return null;
      }
      String key = row.getAs(SourceTables.PRIMARY_KEY);
      boolean deleted = Boolean.TRUE.equals(row.getAs(SilverColumns.DELETED));
      Map<String, Object> values = new LinkedHashMap<>();
      if (!deleted) {
        for (String c : dataColumns) {
          values.put(c, row.getAs(c));
        }
      } else {
        values.put(SourceTables.PRIMARY_KEY, key);
      }
      return new RowState(
          table,
          key,
          SourcePosition.fromSortKey(row.getAs(SilverColumns.SEQUENCE)),
          deleted,
          values,
          Set.of());
    }

    private void fill(Object[] values, RowState state, Timestamp now) {
      String[] names = schema.fieldNames();
      for (int i = 0; i < names.length; i++) {
        values[i] =
            switch (names[i]) {
              case SilverColumns.SEQUENCE -> state.sequence();
              case SilverColumns.DELETED -> state.deleted();
              case SilverWriter.BATCH_ID -> batchId;
              case SilverWriter.UPDATED_AT -> now;
              default ->
                  SourceTables.PRIMARY_KEY.equals(names[i])
                      ? state.key()
                      : state.values().get(names[i]);
            };
      }
    }

    /** Commit-time buckets of the key's changes newer than what silver held: now visible. */
    private static long[] visible(List<Row> changes, RowState stored) {
      SourcePosition held = stored == null ? null : stored.position();
      return changes.stream()
          .filter(c -> !c.isNullAt(1))
          .filter(c -> MergeDecision.supersedes(SourcePosition.fromSortKey(c.getString(0)), held))
          .mapToLong(c -> Visibility.CommitBucket.startOf(Instant.ofEpochMilli(c.getLong(1))))
          .toArray();
    }
  }
}
