package dev.dp.bench;

import static dev.dp.bench.Synthetic.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagTrendTest {

  /** 120 one-second readings of a micro-batch job's lag: rises by rate − drain, drops per batch. */
  private static List<Sample> sawTooth(int rate, int batchSeconds, double drainPerSecond) {
    List<Sample> samples = new ArrayList<>();
    double backlog = 0;
    for (int t = 0; t < 120; t++) {
      backlog += rate - drainPerSecond;
      long visible = Math.round(backlog) + (long) rate * (t % batchSeconds);
      samples.add(sample(t, null, Math.max(0, visible), null, null, null));
    }
    return samples;
  }

  @Test
  void aJobThatKeepsUpHasASawToothLagThatIsNotGrowing() {
    LagTrend trend = LagTrend.of(sawTooth(200, 10, 200), 200);
    assertThat(trend.samples()).isEqualTo(120);
    assertThat(trend.lagNotGrowing()).isTrue();
    assertThat(Math.abs(trend.slopeRecordsPerSecond()))
        .isLessThan(trend.toleratedSlopeRecordsPerSecond());
    assertThat(trend.toleratedSlopeRecordsPerSecond()).isEqualTo(10.0);
    assertThat(trend.maxLag()).isEqualTo(1800);
    assertThat(trend.note()).isNull();
  }

  @Test
  void aJobDrainingLessThanIsOfferedHasTheDifferenceAsSlope() {
    LagTrend trend = LagTrend.of(sawTooth(200, 10, 40), 200);
    assertThat(trend.lagNotGrowing()).isFalse();
    assertThat(trend.slopeRecordsPerSecond()).isCloseTo(160.0, within(10.0));
    assertThat(trend.lastThirdMeanLag()).isGreaterThan(trend.firstThirdMeanLag());
  }

  @Test
  void aShrinkingBacklogIsNotGrowing() {
    List<Sample> samples = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      samples.add(sample(t, null, (long) (3000 - 100 * t), null, null, null));
    }
    LagTrend trend = LagTrend.of(samples, 50);
    assertThat(trend.slopeRecordsPerSecond()).isCloseTo(-100.0, within(1e-6));
    assertThat(trend.lagNotGrowing()).isTrue();
    assertThat(trend.toleratedSlopeRecordsPerSecond()).as("at least 1 record/s").isEqualTo(2.5);
  }

  @Test
  void tooFewReadingsGiveNoVerdictAndSayWhy() {
    List<Sample> samples =
        List.of(
            sample(0, null, 5L, null, null, null),
            sample(1, null, null, null, null, null),
            sample(2, null, 7L, null, null, null));
    LagTrend trend = LagTrend.of(samples, 0.01);
    assertThat(trend.lagNotGrowing()).isNull();
    assertThat(trend.slopeRecordsPerSecond()).isNull();
    assertThat(trend.samples()).isEqualTo(2);
    assertThat(trend.toleratedSlopeRecordsPerSecond()).isEqualTo(1.0);
    assertThat(trend.note()).startsWith("no data: 2 lag reading(s)");
  }
}
