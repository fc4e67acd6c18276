package dev.dp.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One commit that made source changes visible to the readers of a stage: a micro-batch's silver
 * commits, or a gold refresh. The jobs append one per commit to {@code
 * DP_HOME/run/<container>.visibility.jsonl} ({@link VisibilityLog}); freshness ({@link Freshness})
 * is computed from them.
 *
 * <p>A silver record carries, per table the batch touched, the Delta version it committed and the
 * source commit times of its changes as a histogram ({@link CommitBucket}). A gold record carries
 * the silver versions the refresh read and no changes: a change is visible in gold from the first
 * gold record whose versions include the silver version that made it visible in silver.
 *
 * @param stage where the changes became visible
 * @param batchId the micro-batch id (silver) or refresh number (gold)
 * @param visibleAt when the last commit of the batch or refresh was visible to readers
 * @param tables per silver table, its version and (silver only) the changes it made visible
 */
public record Visibility(Stage stage, long batchId, Instant visibleAt, Map<String, Table> tables) {

  /** Width of a {@link CommitBucket}: the resolution of the freshness figures. */
  public static final long BUCKET_MILLIS = 10;

  public Visibility {
    tables = tables == null ? Map.of() : new TreeMap<>(tables);
  }

  /**
   * One silver table in a visibility record.
   *
   * @param version the table's Delta version after (silver) or read by (gold) the commit
   * @param changes source commit times of the changes this commit made visible (silver only)
   */
  public record Table(long version, List<CommitBucket> changes) {

    public Table {
      changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** How many changes the record counts for this table. */
    public long changeCount() {
      return changes.stream().mapToLong(CommitBucket::count).sum();
    }
  }

  /**
   * {@code count} changes whose source commit time lies in {@code [startMillis, startMillis +
   * BUCKET_MILLIS)} (epoch milliseconds).
   */
  public record CommitBucket(long startMillis, long count) {

    /** The bucket holding a change committed at {@code committedAt}. */
    public static long startOf(Instant committedAt) {
      long ms = committedAt.toEpochMilli();
      return ms - Math.floorMod(ms, BUCKET_MILLIS);
    }

    /** The middle of the bucket: the commit time taken for its changes. */
    public Instant midpoint() {
      return Instant.ofEpochMilli(startMillis).plusNanos(BUCKET_MILLIS * 500_000);
    }
  }
}
