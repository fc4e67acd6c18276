package dev.dp.bench;

import static dev.dp.bench.Synthetic.at;
import static dev.dp.bench.Synthetic.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseFiguresTest {

  @Test
  void aCounterRisesOverItsIncreasesAndARestartOfTheJobCostsOnlyThatInterval() {
    List<Sample> samples =
        List.of(
            sample(0, null, null, 100L, null, null),
            sample(1, null, null, 150L, null, null),
            sample(2, null, null, 20L, null, null), // the ingest job restarted: counts from 0
            sample(3, null, null, 70L, null, null),
            sample(4, null, null, null, null, null), // progress file being replaced
            sample(5, null, null, 120L, null, null));
    assertThat(PhaseFigures.increase(samples, Sample::silverRowsApplied)).isEqualTo(50 + 50 + 50);
    assertThat(PhaseFigures.span(samples, Sample::silverRowsApplied)).isEqualTo(5.0);
    assertThat(PhaseFigures.rate(samples, Sample::silverRowsApplied)).isCloseTo(30.0, within(1e-9));
  }

  @Test
  void aCounterIsRatedOverTheTimeItRoseNotOverTheWholePhase() {
    List<Sample> samples = kafkaEnd(new double[] {0, 1, 2, 3, 9}, 0, 500, 1_000, 1_000, 1_000);
    assertThat(PhaseFigures.rate(samples, Sample::kafkaEndOffsets)).isEqualTo(500.0);
    List<Sample> flat =
        List.of(sample(0, 7L, null, null, null, null), sample(4, 7L, null, null, null, null));
    assertThat(PhaseFigures.rate(flat, Sample::kafkaEndOffsets)).isEqualTo(0.0);
  }

  @Test
  void withoutTwoValuesThereIsNoRate() {
    List<Sample> one = List.of(sample(0, 5L, null, null, null, null));
    assertThat(PhaseFigures.increase(one, Sample::kafkaEndOffsets)).isNull();
    assertThat(PhaseFigures.rate(one, Sample::kafkaEndOffsets)).isNull();
    assertThat(PhaseFigures.rate(List.of(), Sample::kafkaEndOffsets)).isNull();
    assertThat(PhaseFigures.perSecond(10L, 0)).isNull();
  }

  @Test
  void theWindowKeepsTheSamplesOfThePhaseBoundsIncluded() {
    List<Sample> samples = kafkaEnd(new double[] {0, 1, 2, 3}, 1, 2, 3, 4);
    assertThat(PhaseFigures.window(samples, at(1), at(2)))
        .extracting(Sample::kafkaEndOffsets)
        .containsExactly(2L, 3L);
    assertThat(PhaseFigures.max(samples, Sample::kafkaEndOffsets)).isEqualTo(4L);
    assertThat(PhaseFigures.max(samples, Sample::kafkaLag)).isNull();
  }

  @Test
  void refreshesAreCountedByTheCounterAndTimedByTheDistinctLastRefreshesSeen() {
    Sample base = sample(0, null, null, null, null, null);
    List<Sample> samples =
        List.of(
            Synthetic.withRefresh(sample(0, null, null, null, null, null), 4, -5, 99), // before
            Synthetic.withRefresh(sample(10, null, null, null, null, null), 5, 8, 10),
            Synthetic.withRefresh(sample(11, null, null, null, null, null), 5, 8, 10),
            Synthetic.withRefresh(sample(30, null, null, null, null, null), 7, 29, 20));
    RefreshStats s = PhaseFigures.refreshes(samples, at(0), at(30));
    assertThat(s.refreshes()).as("the counter rose by 3; one refresh was never seen").isEqualTo(3);
    assertThat(s.timed()).isEqualTo(2);
    assertThat(s.meanSeconds()).isCloseTo(15.0, within(1e-9));
    assertThat(s.maxSeconds()).isEqualTo(20.0);
    assertThat(PhaseFigures.refreshes(List.of(base), at(0), at(1)))
        .isEqualTo(new RefreshStats(0, 0, null, null));
  }

  /** Samples at the given seconds with only the Kafka end offsets set. */
  private static List<Sample> kafkaEnd(double[] seconds, long... endOffsets) {
    return java.util.stream.IntStream.range(0, seconds.length)
        .mapToObj(i -> sample(seconds[i], endOffsets[i], null, null, null, null))
        .toList();
  }
}
