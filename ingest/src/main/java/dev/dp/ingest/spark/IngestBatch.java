package dev.dp.ingest.spark;

import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import dev.dp.contracts.VisibilityLog;
import dev.dp.ingest.CompactionSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One micro-batch: parse every record on the executors ({@link ParsedRecords}), append bronze and
 * quarantine exactly once, fold the changes per key and apply them to silver ({@link
 * SilverWriter}), then report what became visible ({@link Visibility}). The driver holds only
 * aggregates ({@link BatchSummary}), never the batch's records, so memory depends on neither the
 * batch's nor a source transaction's size.
 *
 * <p>Tables are independent (own silver Delta logs), so their writes run on a small pool of
 * threads: a batch's time is dominated by per-statement overhead (planning, Delta log round trips,
 * task scheduling), not by data, and concurrent writes overlap it. The batch finishes only when
 * every write has committed; any failure fails the batch, which Spark then replays with the same
 * batch id and offsets (bronze skips what it already appended, silver's sequence guard ignores what
 * it already applied).
 */
final class IngestBatch {

  private final SparkSession spark;
  private final BronzeWriter bronze;
  private final SilverWriter silver;
  private final QuarantineWriter quarantine;
  private final ProgressReporter progress;
  private final VisibilityLog visibility;
  private final ExecutorService writers;
  private final JobTimes jobTimes = new JobTimes();
  private final CompactionSchedule compactions;

  IngestBatch(
      SparkSession spark,
      String runId,
      ProgressReporter progress,
      VisibilityLog visibility,
      int parallelism,
      int compactEveryCommits) {
    this.spark = spark;
    this.bronze = new BronzeWriter(spark, runId);
    this.silver = new SilverWriter();
    this.quarantine = new QuarantineWriter(spark, runId);
    this.progress = progress;
    this.visibility = visibility;
    this.compactions = new CompactionSchedule(compactEveryCommits, TableCompactor.tables());
    spark.sparkContext().addSparkListener(jobTimes);
    AtomicInteger threads = new AtomicInteger();
    this.writers =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Runnable inSession =
                  () -> {
                    // Delta's commit hooks look the session up per thread
                    SparkSession.setActiveSession(spark);
                    r.run();
                  };
              Thread t = new Thread(inSession, "ingest-writer-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  void process(Dataset<Row> batch, long batchId) throws Exception {
    long t0 = System.nanoTime();
    jobTimes.drain();
    JobTimes.step(batch.sparkSession().sparkContext(), "parse");
    Dataset<Row> parsed =
        ParsedRecords.parse(batch).coalesce(spark.sparkContext().defaultParallelism()).persist();
    try {
      BatchSummary summary = BatchSummary.of(parsed);
      Future<?> bronzeWrite =
          summary.changes() > 0 || !summary.truncatedBefore().isEmpty()
              ? writers.submit(() -> step("bronze", () -> bronze.write(parsed, batchId)))
              : null;
      Future<?> quarantined =
          summary.quarantined() > 0
              ? writers.submit(
                  () ->
                      step(
                          "quarantine",
                          () -> {
                            quarantine.write(parsed, batchId);
                            progress.quarantined(QuarantineWriter.newest(parsed, batchId));
                          }))
              : null;
      Map<String, Future<SilverWriter.TableResult>> tables = new TreeMap<>();
      for (String table : summary.tables()) {
        List<dev.dp.ingest.ColumnType> columns = summary.columnsByTable().get(table);
        boolean needsStoredRows = summary.tablesWithUnchangedColumns().contains(table);
        String truncatedAt = summary.truncatedBefore().get(table);
        boolean changed = summary.changesByTable().containsKey(table);
        tables.put(
            table,
            // SilverWriter names its own steps (schema, merge) for the job counts
            writers.submit(
                () -> {
                  // a truncate first: the batch's changes after it are then applied on top
                  long removed =
                      truncatedAt == null
                          ? 0
                          : silver.truncate(parsed.sparkSession(), table, truncatedAt, batchId);
                  SilverWriter.TableResult r =
                      changed
                          ? silver.write(parsed, table, columns, needsStoredRows, batchId)
                          : SilverWriter.TableResult.nothing(table);
                  return r.plusRemoved(removed);
                }));
      }
      await(bronzeWrite);
      await(quarantined);
      Map<String, SilverWriter.TableResult> results = new TreeMap<>();
      for (Map.Entry<String, Future<SilverWriter.TableResult>> e : tables.entrySet()) {
        results.put(e.getKey(), await(e.getValue()));
      }
      Instant visibleAt = Instant.now();
      reportVisibility(batchId, visibleAt, results);
      progress.batchApplied(batchId, summary, results);
      List<String> written = new java.util.ArrayList<>();
      if (bronzeWrite != null) {
        written.add(TableCompactor.BRONZE);
      }
      if (quarantined != null) {
        written.add(TableCompactor.QUARANTINE);
      }
      written.addAll(tables.keySet());
      String compacted = compactDue(written);
      StringBuilder applied = new StringBuilder();
      results.forEach(
          (table, r) -> {
            applied.append(' ').append(table).append('=').append(r.applied());
            if (r.ignored() > 0) {
              applied.append(" (").append(r.ignored()).append(" older/duplicate ignored)");
            }
          });
      System.out.printf(
          "Ingest batch %d: %d records, %d changes, %d tombstones, %d quarantined; silver rows"
              + " applied:%s;%s %.1f s (%s)%n",
          batchId,
          summary.records(),
          summary.changes(),
          summary.tombstones(),
          summary.quarantined(),
          applied.length() == 0 ? " none" : applied.toString(),
          compacted,
          (System.nanoTime() - t0) / 1e9,
          jobTimes.drain());
    } finally {
      parsed.unpersist();
    }
  }

  /**
   * Compacts the written tables that are due ({@link CompactionSchedule}), side by side, after the
   * batch's data is visible: a compaction changes no rows, so a crash before or during it loses
   * nothing, and the replayed batch only compacts again. A compaction that fails is reported and
   * left for the table's next turn: maintenance must not stop the pipeline (a failure that is not
   * the compaction's own fails the next write too).
   *
   * @return {@code " compacted a, b;"} for the batch line, or empty
   */
  private String compactDue(List<String> written) {
    List<String> due = written.stream().filter(compactions::committed).toList();
    if (due.isEmpty()) {
      return "";
    }
    List<Future<?>> running =
        due.stream()
            .<Future<?>>map(t -> writers.submit(() -> step("compact", () -> compactOrReport(t))))
            .toList();
    running.forEach(IngestBatch::await);
    return " compacted " + String.join(", ", due) + ";";
  }

  private void compactOrReport(String table) {
    try {
      TableCompactor.compact(spark, table);
    } catch (RuntimeException e) {
      System.out.println(
          "Compaction of " + table + " failed, left for its next turn: " + e.getMessage());
    }
  }

  /** Appends what this batch made visible in silver: per table its new version and changes. */
  private void reportVisibility(
      long batchId, Instant visibleAt, Map<String, SilverWriter.TableResult> results)
      throws java.io.IOException {
    FileSystem fs = FileSystem.get(spark.sparkContext().hadoopConfiguration());
    Map<String, Visibility.Table> tables = new TreeMap<>();
    for (SilverWriter.TableResult r : results.values()) {
      if (r.applied() == 0) {
        continue;
      }
      long version = dev.dp.lakehouse.DeltaVersions.latest(fs, IngestTables.silverPath(r.table()));
      tables.put(r.table(), new Visibility.Table(version, r.visible()));
    }
    if (!tables.isEmpty()) {
      visibility.append(new Visibility(Stage.SILVER, batchId, visibleAt, tables));
    }
  }

  private void step(String name, Runnable work) {
    JobTimes.step(spark.sparkContext(), name);
    work.run();
  }

  private static <T> T await(Future<T> write) {
    if (write == null) {
      return null;
    }
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
