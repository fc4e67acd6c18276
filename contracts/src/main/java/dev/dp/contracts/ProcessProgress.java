package dev.dp.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code spark-job-process} reports after every check of silver ({@code
 * DP_HOME/run/dp_spark_process.progress.json}). The watermark in {@code postgres-dest} stays the
 * source of truth.
 *
 * @param batchId the number of the last refresh, -1 before the first
 * @param refreshes refreshes committed since the job started
 * @param checkedAt when silver was last listed: gold is up to date with every silver commit before
 *     this instant when {@code upToDate}
 * @param upToDate gold reflected the silver versions listed at {@code checkedAt}
 * @param waitingFor silver tables the gold queries need that do not exist yet (empty otherwise)
 * @param silverVersions the silver versions gold reflects, when up to date
 * @param refreshingTo the silver versions a running refresh is computing, or null
 * @param lastRefresh the last committed refresh, or null
 */
public record ProcessProgress(
    long batchId,
    long refreshes,
    Instant checkedAt,
    boolean upToDate,
    List<String> waitingFor,
    Map<String, Long> silverVersions,
    Map<String, Long> refreshingTo,
    Refresh lastRefresh) {

  public ProcessProgress {
    waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
    silverVersions = silverVersions == null ? null : new TreeMap<>(silverVersions);
    refreshingTo = refreshingTo == null ? null : new TreeMap<>(refreshingTo);
  }

  /**
   * One committed gold refresh.
   *
   * @param committedAt when its PostgreSQL transaction committed
   * @param seconds how long it took, from listing silver to commit
   * @param mode {@code full} (every gold row recomputed) or {@code incremental} (only keys touched
   *     by the silver changes since the watermark)
   * @param tables per gold table, what the refresh wrote
   */
  public record Refresh(
      Instant committedAt, double seconds, String mode, Map<String, TableChange> tables) {

    public Refresh {
      tables = tables == null ? Map.of() : new TreeMap<>(tables);
    }
  }

  /**
   * What a refresh wrote to one gold table.
   *
   * @param upserted rows inserted or updated
   * @param deleted rows deleted
   * @param unchanged rows compared and left as they were
   */
  public record TableChange(long upserted, long deleted, long unchanged) {}
}
