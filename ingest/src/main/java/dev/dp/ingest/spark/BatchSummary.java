package dev.dp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import dev.dp.ingest.ColumnType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a parsed micro-batch holds, in two small aggregations run on the executors: how many records
 * of each kind per topic partition and table, the newest offset and source commit seen, and the
 * column definitions per table (for schema evolution). Only these aggregates reach the driver.
 *
 * @param records Kafka records in the batch
 * @param changes change events
 * @param tombstones Kafka tombstones (null values after a delete), not stored
 * @param quarantined records rejected to quarantine
 * @param changesByTable change events per table
 * @param lastCommitByTable newest source commit time per table
 * @param nextOffsets per {@code topic:partition}, the offset after the newest record
 * @param columnsByTable per table, the columns as the batch's changes describe them, in table order
 *     with columns added in the source at the end (a later definition of a column wins)
 * @param tablesWithUnchangedColumns tables with a change that did not carry every column (TOAST
 *     placeholder): only their MERGE needs the stored rows to settle those columns
 * @param truncatedBefore per table truncated in this batch, the {@link
 *     dev.dp.ingest.SourcePosition#sortKey()} of its newest truncate
 */
record BatchSummary(
    long records,
    long changes,
    long tombstones,
    long quarantined,
    Map<String, Long> changesByTable,
    Map<String, Instant> lastCommitByTable,
    Map<String, Long> nextOffsets,
    Map<String, List<ColumnType>> columnsByTable,
    java.util.Set<String> tablesWithUnchangedColumns,
    Map<String, String> truncatedBefore) {

  static BatchSummary of(Dataset<Row> parsed) {
    long records = 0;
    long changes = 0;
    long tombstones = 0;
    long quarantined = 0;
    Map<String, Long> changesByTable = new TreeMap<>();
    Map<String, Instant> lastCommit = new TreeMap<>();
    Map<String, Long> nextOffsets = new TreeMap<>();
    java.util.Set<String> withUnchanged = new java.util.TreeSet<>();
    Map<String, String> truncatedBefore = new TreeMap<>();
    List<Row> groups =
        parsed
            .groupBy(
                col("kafka_topic"),
                col("kafka_partition"),
                col(ParsedRecords.KIND),
                col(ParsedRecords.TABLE))
            .agg(
                count(lit(1)),
                max("kafka_offset"),
                max("committed_at"),
                max(ParsedRecords.UNCHANGED_COLUMNS),
                max("source_sequence"))
            .collectAsList();
    for (Row g : groups) {
      long n = g.getLong(4);
      records += n;
      nextOffsets.merge(g.getString(0) + ":" + g.getInt(1), g.getLong(5) + 1, Math::max);
      switch (ParsedRecords.Kind.valueOf(g.getString(2))) {
        case CHANGE -> {
          changes += n;
          changesByTable.merge(g.getString(3), n, Long::sum);
          if (!g.isNullAt(7) && g.getInt(7) > 0) {
            withUnchanged.add(g.getString(3));
          }
          if (!g.isNullAt(6)) {
            Instant at = ((Timestamp) g.get(6)).toInstant();
            lastCommit.merge(g.getString(3), at, (a, b) -> a.isAfter(b) ? a : b);
          }
        }
        case TOMBSTONE -> tombstones += n;
        case QUARANTINED -> quarantined += n;
        case TRUNCATE ->
            truncatedBefore.merge(
                g.getString(3), g.getString(8), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    return new BatchSummary(
        records,
        changes,
        tombstones,
        quarantined,
        changesByTable,
        lastCommit,
        nextOffsets,
        changes == 0 ? Map.of() : columns(parsed),
        withUnchanged,
        truncatedBefore);
  }

  /** The tables with changes or truncates in this batch, sorted. */
  List<String> tables() {
    java.util.SortedSet<String> tables = new java.util.TreeSet<>(changesByTable.keySet());
    tables.addAll(truncatedBefore.keySet());
    return new ArrayList<>(tables);
  }

  /**
   * The union of the column lists the changes describe: the distinct lists are few (one per table,
   * two around a schema change) and are applied in source order of their newest change.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, List<ColumnType>> columns(Dataset<Row> parsed) {
    List<Row> distinct =
        ParsedRecords.ofKind(parsed, ParsedRecords.Kind.CHANGE)
            .groupBy(col(ParsedRecords.TABLE), col(ParsedRecords.COLUMNS))
            .agg(max("source_sequence"))
            .collectAsList();
    List<Row> ordered = new ArrayList<>(distinct);
    ordered.sort(Comparator.comparing((Row r) -> r.getString(2)));
    Map<String, Map<String, ColumnType>> byTable = new HashMap<>();
    for (Row r : ordered) {
      Map<String, ColumnType> columns =
          byTable.computeIfAbsent(r.getString(0), t -> new LinkedHashMap<>());
      for (ColumnType c : (List<ColumnType>) ParsedRecords.deserialize((byte[]) r.get(1))) {
        columns.put(c.name(), c);
      }
    }
    Map<String, List<ColumnType>> result = new TreeMap<>();
    byTable.forEach((t, c) -> result.put(t, List.copyOf(c.values())));
    return result;
  }
}
