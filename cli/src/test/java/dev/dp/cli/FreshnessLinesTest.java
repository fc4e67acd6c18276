package dev.dp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.bench.LiveFreshness;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessLinesTest {

  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private static Visibility silver(long batch, int visibleAt, long version, int committedAt) {
    long ms = Visibility.CommitBucket.startOf(T0.plusSeconds(committedAt));
    return new Visibility(
        Stage.SILVER,
        batch,
        T0.plusSeconds(visibleAt),
        Map.of(
            "alerts", new Visibility.Table(version, List.of(new Visibility.CommitBucket(ms, 10)))));
  }

  @Test
  void oneLinePerStageWithLatestAndTheRecentWindow() {
    List<Visibility> records =
        List.of(
            silver(7, 10, 3, 8),
            new Visibility(
                Stage.GOLD, 2, T0.plusSeconds(30), Map.of("alerts", new Visibility.Table(3, null))),
            silver(8, 40, 4, 36));
    String text =
        FreshnessLines.render(
            LiveFreshness.of(records, T0.plusSeconds(100), Duration.ofMinutes(5)));
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertThat(lines.get(0)).startsWith("freshness per change");
    assertThat(lines.get(1)).contains("STAGE", "LATEST p50/MAX", "LAST 5 MIN p50/p99", "PENDING");
    assertThat(lines.get(2)).startsWith("silver").contains("4.0 s / 4.0 s", "batch 8, 1m0s ago");
    assertThat(lines.get(3))
        .startsWith("gold")
        .contains("22.0 s / 22.0 s", "refresh 2, 1m10s ago")
        .endsWith("10");
  }

  @Test
  void withoutVisibilityLogsItSaysSoInOneLine() {
    String text = FreshnessLines.render(LiveFreshness.of(List.of(), T0, LiveFreshness.WINDOW));
    assertThat(text.strip())
        .isEqualTo(
            "freshness per change (source commit -> visible to readers): no visibility records"
                + " yet (DP_HOME/run/*.visibility.jsonl)");
  }
}
