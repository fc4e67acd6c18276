package dev.dp.bench;

import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Synthetic samples and visibility records for the report tests. */
final class Synthetic {

  static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private Synthetic() {}

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  /** A sample with the counters given and no refresh. */
  static Sample sample(double t, Long kafkaEnd, Long lag, Long silverRows, Long source, Long tx) {
    return new Sample(at(t), kafkaEnd, lag, silverRows, at(t), 0L, null, source, tx);
  }

  static Sample withRefresh(Sample s, long refreshes, double committedAt, double seconds) {
    return new Sample(
        s.at(),
        s.kafkaEndOffsets(),
        s.kafkaLag(),
        s.silverRowsApplied(),
        s.ingestUpdatedAt(),
        refreshes,
        new ProcessProgress.Refresh(at(committedAt), seconds, "full", Map.of()),
        s.sourceRowChanges(),
        s.generatorChanges());
  }

  /** A silver record of {@code table} at {@code version}: {@code count} changes committed at t. */
  static Visibility silver(
      long batch, double visibleAt, String table, long version, double committedAt, long count) {
    long ms = Visibility.CommitBucket.startOf(at(committedAt));
    return new Visibility(
        Stage.SILVER,
        batch,
        at(visibleAt),
        Map.of(
            table, new Visibility.Table(version, List.of(new Visibility.CommitBucket(ms, count)))));
  }

  /** A gold record that read {@code table} at {@code version}. */
  static Visibility gold(long refresh, double visibleAt, String table, long version) {
    return new Visibility(
        Stage.GOLD,
        refresh,
        at(visibleAt),
        Map.of(table, new Visibility.Table(version, List.of())));
  }
}
