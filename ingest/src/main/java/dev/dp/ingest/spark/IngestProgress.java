package dev.dp.ingest.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dp.lakehouse.ProgressFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job's progress as a small JSON file beside the stack ({@code DP_HOME/run}), rewritten
 * atomically after every micro-batch: per table the position and commit time of the last applied
 * change and the rows applied so far, and the next Kafka offset per partition. {@code dp status}
 * and tests read it; Spark's own checkpoint stays the source of truth for recovery.
 */
final class IngestProgress {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, ObjectNode> tables = new TreeMap<>();
  private final Map<String, Long> nextOffsets = new TreeMap<>();
  private long batchId = -1;
  private long quarantined;

  IngestProgress(Path file) {
    this.file = file;
  }

  synchronized void started() {
    write();
  }

  synchronized void recordTable(SilverWriter.TableResult r, Instant lastCommittedAt) {
    ObjectNode t = tables.computeIfAbsent(r.table(), k -> JSON.createObjectNode());
    t.put("rows_applied", t.path("rows_applied").asLong(0) + r.applied());
    t.put("changes_ignored", t.path("changes_ignored").asLong(0) + r.ignored());
    if (r.lastApplied() != null) {
      t.put("last_sequence", r.lastApplied().sortKey());
      t.put("last_lsn", r.lastApplied().eventLsn());
    }
    if (lastCommittedAt != null) {
      t.put("last_source_commit", lastCommittedAt.toString());
    }
  }

  synchronized void recordOffset(String topic, int partition, long offset) {
    nextOffsets.merge(topic + ":" + partition, offset + 1, Math::max);
  }

  /** Spark reported committed offsets (see {@link CommittedOffsets}). */
  synchronized void offsetsUpdated() {
    write();
  }

  synchronized void batchDone(long id, long quarantinedInBatch) {
    batchId = id;
    quarantined += quarantinedInBatch;
    write();
  }

  private void write() {
    ObjectNode root = JSON.createObjectNode();
    root.put("batch_id", batchId);
    root.put("updated_at", Instant.now().toString());
    root.put("quarantined", quarantined);
    ObjectNode t = root.putObject("tables");
    tables.forEach(t::set);
    ObjectNode o = root.putObject("next_offsets");
    nextOffsets.forEach(o::put);
    ProgressFile.write(file, root);
  }
}
