package dev.dp.ingest.spark;

import dev.dp.ingest.BatchFolder;
import dev.dp.ingest.ChangeEnvelopeParser;
import dev.dp.ingest.ChangeEvent;
import dev.dp.ingest.FoldedBatch;
import dev.dp.ingest.ParsedMessage;
import dev.dp.ingest.Quarantined;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One micro-batch: parse every record, append bronze and quarantine exactly once, fold the changes
 * per key and apply them to silver. The batch is bounded by {@code maxOffsetsPerTrigger}, so its
 * records are handled on the driver.
 */
final class IngestBatch {

  private final ChangeEnvelopeParser parser = new ChangeEnvelopeParser();
  private final BronzeWriter bronze;
  private final SilverWriter silver;
  private final QuarantineWriter quarantine;
  private final IngestProgress progress;

  IngestBatch(SparkSession spark, String runId, IngestProgress progress) {
    this.bronze = new BronzeWriter(spark, runId);
    this.silver = new SilverWriter(spark);
    this.quarantine = new QuarantineWriter(spark, runId);
    this.progress = progress;
  }

  void process(Dataset<Row> batch, long batchId) {
    long t0 = System.nanoTime();
    List<Row> rows =
        batch.select("topic", "partition", "offset", "timestamp", "key", "value").collectAsList();
    Map<String, List<BronzeWriter.Parsed>> byTable = new TreeMap<>();
    List<QuarantineWriter.Rejected> rejected = new ArrayList<>();
    List<ChangeEvent> events = new ArrayList<>();
    Map<String, Instant> lastCommit = new HashMap<>();
    int tombstones = 0;
    for (Row r : rows) {
      KafkaRecord record =
          new KafkaRecord(
              r.getString(0),
              r.getInt(1),
              r.getLong(2),
              (Timestamp) r.get(3),
              (byte[]) r.get(4),
              (byte[]) r.get(5));
      progress.recordOffset(record.topic(), record.partition(), record.offset());
      ParsedMessage parsed = parser.parse(record.topic(), record.key(), record.value());
      if (parsed instanceof ChangeEvent e) {
        events.add(e);
        byTable
            .computeIfAbsent(e.table(), t -> new ArrayList<>())
            .add(new BronzeWriter.Parsed(record, e));
        if (e.committedAt() != null) {
          lastCommit.merge(e.table(), e.committedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
      } else if (parsed instanceof Quarantined q) {
        rejected.add(new QuarantineWriter.Rejected(record, q));
      } else {
        tombstones++;
      }
    }
    bronze.write(byTable, batchId);
    quarantine.write(rejected, batchId);
    FoldedBatch folded = BatchFolder.fold(events);
    StringBuilder applied = new StringBuilder();
    for (String table : folded.tables()) {
      SilverWriter.TableResult result = silver.write(folded, table, batchId);
      progress.recordTable(result, lastCommit.get(table));
      applied.append(' ').append(table).append('=').append(result.applied());
      if (result.ignored() > 0) {
        applied.append(" (").append(result.ignored()).append(" older/duplicate ignored)");
      }
    }
    progress.batchDone(batchId, rejected.size());
    System.out.printf(
        "Ingest batch %d: %d records, %d changes, %d tombstones, %d quarantined; silver rows"
            + " applied:%s; %.1f s%n",
        batchId,
        rows.size(),
        events.size(),
        tombstones,
        rejected.size(),
        applied.length() == 0 ? " none" : applied.toString(),
        (System.nanoTime() - t0) / 1e9);
  }
}
