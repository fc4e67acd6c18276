package dev.dp.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the ingest job compacts a Delta table it writes: after every {@code every} commits to that
 * table, counted in this job's memory. The tables' counters start spread over the period, so their
 * compactions fall into different micro-batches instead of all into one.
 *
 * <p>Why not Delta's auto compaction: measured on this stack, it ran after most commits (199 {@code
 * OPTIMIZE} commits for 527 silver {@code MERGE}s, most rewriting 3 files, and a rewrite of every
 * bronze partition in every batch once a backlog had built up), which doubled a warm micro-batch
 * (~110 s against ~45 s for the same load). A count restarts with the job; that only moves a
 * compaction, and a compaction changes no data.
 */
public final class CompactionSchedule {

  private final int every;
  private final Map<String, Integer> commitsSinceCompaction = new HashMap<>();

  /**
   * @param every commits to a table between two compactions of it; 0 never compacts
   * @param tables every table the job may write, in a stable order (it spreads the first round)
   */
  public CompactionSchedule(int every, List<String> tables) {
    if (every < 0) {
      throw new IllegalArgumentException("compaction period must be >= 0, was " + every);
    }
    this.every = every;
    for (int i = 0; i < tables.size(); i++) {
      commitsSinceCompaction.put(tables.get(i), every == 0 ? 0 : i * every / tables.size());
    }
  }

  /**
   * Counts a commit to {@code table}.
   *
   * @return whether the table is due for a compaction now (its count then starts again)
   */
  public synchronized boolean committed(String table) {
    if (every == 0) {
      return false;
    }
    int count = commitsSinceCompaction.getOrDefault(table, 0) + 1;
    if (count >= every) {
      commitsSinceCompaction.put(table, 0);
      return true;
    }
    commitsSinceCompaction.put(table, count);
    return false;
  }
}
