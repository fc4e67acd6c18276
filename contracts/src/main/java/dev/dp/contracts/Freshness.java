package dev.dp.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-change freshness from the jobs' {@link Visibility} records: for every source change, the time
 * from its source commit to the moment the silver commit (or the gold transaction) that contains it
 * was visible to readers.
 *
 * <p>Silver: a change is counted in the silver record of the micro-batch that applied it, so its
 * freshness is that record's {@code visibleAt} minus its commit time. Gold: a change of table
 * {@code t} made visible in silver at version {@code v} is visible in gold from the first gold
 * record that read {@code t} at a version {@code >= v}; changes of tables gold does not read are
 * not counted for gold, and changes no gold record covers yet are counted as pending. Commit times
 * have the resolution of {@link Visibility#BUCKET_MILLIS}.
 */
public final class Freshness {

  private final List<Visibility> silver;
  private final Map<String, List<Visibility>> goldByTable = new HashMap<>();

  /** Freshness from the records of both jobs (any order, any stage mix). */
  public Freshness(List<Visibility> records) {
    this.silver =
        records.stream()
            .filter(r -> r.stage() == Stage.SILVER)
            .sorted(Comparator.comparing(Visibility::visibleAt))
            .toList();
    records.stream()
        .filter(r -> r.stage() == Stage.GOLD)
        .sorted(Comparator.comparing(Visibility::visibleAt))
        .forEach(
            g ->
                g.tables()
                    .keySet()
                    .forEach(t -> goldByTable.computeIfAbsent(t, k -> new ArrayList<>()).add(g)));
  }

  /** Freshness of changes committed in {@code [from, to)} at {@code stage}. */
  public Summary summary(Stage stage, Instant from, Instant to) {
    List<long[]> latencies = new ArrayList<>(); // {latency ms, count}
    long pending = 0;
    for (Visibility r : silver) {
      for (Map.Entry<String, Visibility.Table> t : r.tables().entrySet()) {
        Instant visibleAt = r.visibleAt();
        if (stage == Stage.GOLD) {
          List<Visibility> gold = goldByTable.get(t.getKey());
          if (gold == null) {
            continue; // gold does not read this table
          }
          Visibility g = firstCovering(gold, t.getKey(), t.getValue().version());
          if (g == null) {
            pending += countIn(t.getValue(), from, to);
            continue;
          }
          visibleAt = g.visibleAt();
        }
        for (Visibility.CommitBucket b : t.getValue().changes()) {
          Instant committed = b.midpoint();
          if (!committed.isBefore(from) && committed.isBefore(to)) {
            latencies.add(
                new long[] {
                  Math.max(0, Duration.between(committed, visibleAt).toMillis()), b.count()
                });
          }
        }
      }
    }
    return Summary.of(stage, latencies, pending);
  }

  /**
   * Freshness at {@code stage} per {@code step} of source commit time in {@code [from, to)}: the
   * series a plot of freshness over time draws. Steps without changes are left out.
   */
  public Map<Instant, Summary> series(Stage stage, Instant from, Instant to, Duration step) {
    Map<Instant, Summary> points = new TreeMap<>();
    for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
      Instant end = t.plus(step).isAfter(to) ? to : t.plus(step);
      Summary s = summary(stage, t, end);
      if (s.changes() > 0) {
        points.put(t, s);
      }
    }
    return points;
  }

  private static Visibility firstCovering(List<Visibility> gold, String table, long version) {
    int lo = 0;
    int hi = gold.size();
    while (lo < hi) { // versions read by successive refreshes never go down
      int mid = (lo + hi) >>> 1;
      if (gold.get(mid).tables().get(table).version() >= version) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo < gold.size() ? gold.get(lo) : null;
  }

  private static long countIn(Visibility.Table table, Instant from, Instant to) {
    return table.changes().stream()
        .filter(b -> !b.midpoint().isBefore(from) && b.midpoint().isBefore(to))
        .mapToLong(Visibility.CommitBucket::count)
        .sum();
  }

  /**
   * Freshness of a set of changes.
   *
   * @param stage the stage measured
   * @param changes changes counted (visible at the stage)
   * @param pending changes not visible at the stage yet (gold only)
   * @param p50 median freshness, null without changes
   * @param p99 99th percentile, null without changes
   * @param max the stalest change, null without changes
   */
  public record Summary(
      Stage stage, long changes, long pending, Duration p50, Duration p99, Duration max) {

    static Summary of(Stage stage, List<long[]> latencies, long pending) {
      long total = latencies.stream().mapToLong(l -> l[1]).sum();
      if (total == 0) {
        return new Summary(stage, 0, pending, null, null, null);
      }
      latencies.sort(Comparator.comparingLong(l -> l[0]));
      return new Summary(
          stage,
          total,
          pending,
          quantile(latencies, total, 0.50),
          quantile(latencies, total, 0.99),
          Duration.ofMillis(latencies.get(latencies.size() - 1)[0]));
    }

    private static Duration quantile(List<long[]> sorted, long total, double q) {
      long rank = (long) Math.ceil(q * total);
      long seen = 0;
      for (long[] l : sorted) {
        seen += l[1];
        if (seen >= rank) {
          return Duration.ofMillis(l[0]);
        }
      }
      return Duration.ofMillis(sorted.get(sorted.size() - 1)[0]);
    }
  }
}
