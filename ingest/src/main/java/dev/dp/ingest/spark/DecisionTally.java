package dev.dp.ingest.spark;

import dev.dp.contracts.Visibility;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * What the silver decisions of one table in one batch came to, summed on the executors while the
 * MERGE computes its source, so no extra Spark job is needed to count them. Like every Spark
 * accumulator updated in a transformation it can count a key twice if a task is retried; it feeds
 * progress and freshness figures, never what is written.
 */
final class DecisionTally extends AccumulatorV2<DecisionTally.Key, DecisionTally> {

  private static final long serialVersionUID = 1L;

  private long keys;
  private long unresolvedToast;
  private long visibleChanges;
  private String newestAppliedSequence;
  private final Map<Long, Long> visibleByCommitBucket = new TreeMap<>();

  /**
   * One decided key.
   *
   * @param applied whether its batch state was written (or, without stored rows, offered to the
   *     MERGE's sequence guard)
   * @param sequence its batch state's sequence
   * @param unresolvedToast unchanged TOASTed columns with no stored value
   * @param visibleCommitBuckets commit-time buckets of its changes the write makes visible
   */
  record Key(boolean applied, String sequence, int unresolvedToast, long[] visibleCommitBuckets)
      implements Serializable {}

  long keys() {
    return keys;
  }

  long unresolvedToast() {
    return unresolvedToast;
  }

  long visibleChanges() {
    return visibleChanges;
  }

  String newestAppliedSequence() {
    return newestAppliedSequence;
  }

  /** The visible changes as commit-time buckets, oldest first. */
  List<Visibility.CommitBucket> visible() {
    List<Visibility.CommitBucket> buckets = new ArrayList<>();
    visibleByCommitBucket.forEach((b, n) -> buckets.add(new Visibility.CommitBucket(b, n)));
    return buckets;
  }

  @Override
  public boolean isZero() {
    return keys == 0;
  }

  @Override
  public DecisionTally copy() {
    DecisionTally c = new DecisionTally();
    c.merge(this);
    return c;
  }

  @Override
  public void reset() {
    keys = 0;
    unresolvedToast = 0;
    visibleChanges = 0;
    newestAppliedSequence = null;
    visibleByCommitBucket.clear();
  }

  @Override
  public void add(Key k) {
    keys++;
    if (!k.applied()) {
      return;
    }
    unresolvedToast += k.unresolvedToast();
    newestAppliedSequence = newer(newestAppliedSequence, k.sequence());
    for (long bucket : k.visibleCommitBuckets()) {
      visibleChanges++;
      visibleByCommitBucket.merge(bucket, 1L, Long::sum);
    }
  }

  @Override
  public void merge(AccumulatorV2<Key, DecisionTally> other) {
    DecisionTally o = (DecisionTally) other;
    keys += o.keys;
    unresolvedToast += o.unresolvedToast;
    visibleChanges += o.visibleChanges;
    newestAppliedSequence = newer(newestAppliedSequence, o.newestAppliedSequence);
    o.visibleByCommitBucket.forEach((b, n) -> visibleByCommitBucket.merge(b, n, Long::sum));
  }

  @Override
  public DecisionTally value() {
    return this;
  }

  @Override
  public String toString() {
    return "DecisionTally[keys=" + keys + ", visible=" + visibleChanges + "]";
  }

  private static String newer(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
