package dev.dp.process.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dp.lakehouse.ProgressFile;
import dev.dp.process.GoldRows;
import dev.dp.process.GoldTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The process job's progress as a small JSON file in {@code DP_HOME/run}, rewritten atomically
 * after every check: when it last compared silver with the gold watermark, whether gold was up to
 * date then, and what the last refresh wrote. {@code dp status}, {@code dp verify} and the
 * supervisor's readiness read it; the watermark in {@code postgres-dest} stays the source of truth.
 */
final class ProcessProgress {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private long refreshes;
  private ObjectNode lastRefresh;

  ProcessProgress(Path file) {
    this.file = file;
  }

  /** Silver has tables the gold queries need that the ingest job has not created yet. */
  void waiting(Instant listedAt, Collection<String> missingTables) {
    ObjectNode root = base(false, listedAt);
    root.put("waiting_for", String.join(",", missingTables));
    write(root);
  }

  /**
   * Gold reflects these silver versions, listed at {@code listedAt}: gold is up to date with every
   * silver commit before that instant (not with commits during a refresh that followed).
   */
  void upToDate(Instant listedAt, Map<String, Long> versions) {
    ObjectNode root = base(true, listedAt);
    root.set("silver_versions", JSON.valueToTree(versions));
    write(root);
  }

  /** A refresh towards these versions has begun (gold is not up to date until it commits). */
  void refreshing(Instant listedAt, Map<String, Long> versions) {
    ObjectNode root = base(false, listedAt);
    root.set("refreshing_to", JSON.valueToTree(versions));
    write(root);
  }

  /** A refresh committed. */
  void refreshed(
      Instant listedAt,
      Map<String, Long> versions,
      Map<GoldTable, GoldRows.Diff> diffs,
      double seconds) {
    refreshes++;
    lastRefresh = JSON.createObjectNode();
    lastRefresh.put("committed_at", Instant.now().toString());
    lastRefresh.put("seconds", seconds);
    ObjectNode tables = lastRefresh.putObject("tables");
    diffs.forEach(
        (t, d) -> {
          ObjectNode n = tables.putObject(t.tableName());
          n.put("upserted", d.upserts().size());
          n.put("deleted", d.deletes().size());
          n.put("unchanged", d.unchanged());
        });
    upToDate(listedAt, versions);
  }

  private ObjectNode base(boolean upToDate, Instant listedAt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("batch_id", refreshes - 1);
    root.put("refreshes", refreshes);
    root.put("checked_at", listedAt.toString());
    root.put("up_to_date", upToDate);
    if (lastRefresh != null) {
      root.set("last_refresh", lastRefresh);
    }
    return root;
  }

  private void write(ObjectNode root) {
    ProgressFile.write(file, root);
  }
}
