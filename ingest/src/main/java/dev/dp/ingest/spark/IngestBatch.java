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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One micro-batch: parse every record, append bronze and quarantine exactly once, fold the changes
 * per key and apply them to silver. The batch is bounded by {@code maxOffsetsPerTrigger}, so its
 * records are handled on the driver.
 *
 * <p>Tables are independent (own bronze and silver Delta logs), so their writes run on a small pool
 * of threads: a batch's time is dominated by per-write overhead (planning, Delta log and metastore
 * round trips), not by data, and concurrent writes overlap it. The batch finishes only when every
 * table's writes have committed; any failure fails the batch, which Spark then replays with the
 * same batch id (bronze skips what it already appended, silver's sequence guard ignores what it
 * already applied).
 */
final class IngestBatch {

  private final ChangeEnvelopeParser parser = new ChangeEnvelopeParser();
  private final BronzeWriter bronze;
  private final SilverWriter silver;
  private final QuarantineWriter quarantine;
  private final IngestProgress progress;

  private final ExecutorService writers;

  IngestBatch(SparkSession spark, String runId, IngestProgress progress, int parallelism) {
    this.bronze = new BronzeWriter(spark, runId);
    this.silver = new SilverWriter(spark);
    this.quarantine = new QuarantineWriter(spark, runId);
    this.progress = progress;
    AtomicInteger threads = new AtomicInteger();
    this.writers =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "ingest-writer-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
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
    FoldedBatch folded = BatchFolder.fold(events);
    Future<?> quarantined = writers.submit(() -> quarantine.write(rejected, batchId));
    Map<String, Future<SilverWriter.TableResult>> tables = new TreeMap<>();
    for (String table : folded.tables()) {
      List<BronzeWriter.Parsed> tableEvents = byTable.getOrDefault(table, List.of());
      tables.put(
          table,
          writers.submit(
              () -> {
                bronze.write(table, tableEvents, batchId);
                return silver.write(folded, table, batchId);
              }));
    }
    await(quarantined);
    StringBuilder applied = new StringBuilder();
    for (Map.Entry<String, Future<SilverWriter.TableResult>> entry : tables.entrySet()) {
      String table = entry.getKey();
      SilverWriter.TableResult result = await(entry.getValue());
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

  private static <T> T await(Future<T> write) {
    try {
      return write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a table write", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("table write failed", cause);
    }
  }
}
