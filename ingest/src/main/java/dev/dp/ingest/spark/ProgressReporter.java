package dev.dp.ingest.spark;

import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProgressFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the job's {@link IngestProgress} file up to date: rewritten atomically after every
 * micro-batch and whenever Spark reports committed offsets. Spark's own checkpoint stays the source
 * of truth for recovery.
 */
final class ProgressReporter {

  private final Path file;
  private final Map<String, IngestProgress.Table> tables = new TreeMap<>();
  private final Map<String, Long> nextOffsets = new TreeMap<>();
  private long batchId = -1;
  private long quarantined;
  private final java.util.Deque<IngestProgress.QuarantinedRecord> recentQuarantine =
      new java.util.ArrayDeque<>();

  ProgressReporter(Path file) {
    this.file = file;
  }

  synchronized void started() {
    write();
  }

  synchronized void batchApplied(
      long id, BatchSummary summary, Map<String, SilverWriter.TableResult> results) {
    summary.nextOffsets().forEach((p, next) -> nextOffsets.merge(p, next, Math::max));
    for (SilverWriter.TableResult r : results.values()) {
      IngestProgress.Table before =
          tables.getOrDefault(r.table(), new IngestProgress.Table(0, 0, null, null, null));
      Instant commit = summary.lastCommitByTable().get(r.table());
      tables.put(
          r.table(),
          new IngestProgress.Table(
              before.rowsApplied() + r.applied(),
              before.changesIgnored() + r.ignored(),
              r.lastApplied() == null ? before.lastSequence() : r.lastApplied().sortKey(),
              r.lastApplied() == null
                  ? before.lastLsn()
                  : dev.dp.ingest.SourcePosition.formatLsn(r.lastApplied().eventLsn()),
              commit == null ? before.lastSourceCommit() : commit));
    }
    batchId = id;
    quarantined += summary.quarantined();
    write();
  }

  /**
   * Records quarantined by a batch, newest kept (at most {@link IngestProgress#RECENT_QUARANTINE}).
   */
  synchronized void quarantined(java.util.List<IngestProgress.QuarantinedRecord> records) {
    for (IngestProgress.QuarantinedRecord r : records) {
      recentQuarantine.addLast(r);
      while (recentQuarantine.size() > IngestProgress.RECENT_QUARANTINE) {
        recentQuarantine.removeFirst();
      }
    }
  }

  /** Spark committed offsets up to {@code next} (exclusive) for a partition. */
  synchronized void recordNextOffset(String topic, int partition, long next) {
    nextOffsets.merge(topic + ":" + partition, next, Math::max);
  }

  /** Spark reported committed offsets (see {@link CommittedOffsets}). */
  synchronized void offsetsUpdated() {
    write();
  }

  private void write() {
    ProgressFile.write(
        file,
        new IngestProgress(
            batchId,
            Instant.now(),
            quarantined,
            tables,
            nextOffsets,
            java.util.List.copyOf(recentQuarantine)));
  }
}
