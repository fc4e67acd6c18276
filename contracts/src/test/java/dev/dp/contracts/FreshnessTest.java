package dev.dp.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Visibility.CommitBucket committed(long offsetMillis, long count) {
    return new Visibility.CommitBucket(
        Visibility.CommitBucket.startOf(T0.plusMillis(offsetMillis)), count);
  }

  private static Visibility silver(
      long batch,
      long visibleMillis,
      String table,
      long version,
      Visibility.CommitBucket... changes) {
    return new Visibility(
        Stage.SILVER,
        batch,
        T0.plusMillis(visibleMillis),
        Map.of(table, new Visibility.Table(version, List.of(changes))));
  }

  private static Visibility gold(long refresh, long visibleMillis, Map<String, Long> versions) {
    Map<String, Visibility.Table> tables = new java.util.TreeMap<>();
    versions.forEach((t, v) -> tables.put(t, new Visibility.Table(v, List.of())));
    return new Visibility(Stage.GOLD, refresh, T0.plusMillis(visibleMillis), tables);
  }

  @Test
  void silverFreshnessIsVisibleTimeMinusCommitTimePerChange() {
    Freshness f =
        new Freshness(
            List.of(
                silver(0, 2_000, "units", 1, committed(0, 98), committed(1_000, 1)),
                silver(1, 10_000, "units", 2, committed(1_000, 1))));
    Freshness.Summary s = f.summary(Stage.SILVER, T0, T0.plusSeconds(60));
    assertThat(s.changes()).isEqualTo(100);
    // 98 changes at ~2.0 s, one at ~1.0 s, one at ~9.0 s (bucket midpoints are +5 ms)
    assertThat(s.p50()).isEqualTo(Duration.ofMillis(1_995));
    assertThat(s.p99()).isEqualTo(Duration.ofMillis(1_995));
    assertThat(s.max()).isEqualTo(Duration.ofMillis(8_995));
  }

  @Test
  void goldFreshnessUsesTheFirstRefreshThatReadTheVersion() {
    Freshness f =
        new Freshness(
            List.of(
                silver(0, 1_000, "units", 4, committed(0, 1)),
                silver(1, 3_000, "units", 5, committed(2_000, 1)),
                silver(2, 3_000, "users", 9, committed(2_000, 7)),
                gold(0, 4_000, Map.of("units", 4L)),
                gold(1, 9_000, Map.of("units", 5L))));
    Freshness.Summary s = f.summary(Stage.GOLD, T0, T0.plusSeconds(60));
    assertThat(s.changes()).as("users is not read by gold").isEqualTo(2);
    assertThat(s.max()).isEqualTo(Duration.ofMillis(6_995));
    assertThat(s.p50()).isEqualTo(Duration.ofMillis(3_995));
  }

  @Test
  void changesNoRefreshCoversArePending() {
    Freshness f =
        new Freshness(
            List.of(
                silver(0, 1_000, "units", 4, committed(0, 3)), gold(0, 500, Map.of("units", 3L))));
    Freshness.Summary s = f.summary(Stage.GOLD, T0, T0.plusSeconds(60));
    assertThat(s.changes()).isZero();
    assertThat(s.pending()).isEqualTo(3);
    assertThat(s.p99()).isNull();
  }

  @Test
  void windowSelectsBySourceCommitTime() {
    Freshness f =
        new Freshness(List.of(silver(0, 5_000, "units", 1, committed(0, 1), committed(3_000, 2))));
    assertThat(f.summary(Stage.SILVER, T0.plusSeconds(1), T0.plusSeconds(10)).changes())
        .isEqualTo(2);
    assertThat(f.series(Stage.SILVER, T0, T0.plusSeconds(5), Duration.ofSeconds(1))).hasSize(2);
  }
}
