package dev.dp.bench;

import static dev.dp.bench.Synthetic.at;
import static dev.dp.bench.Synthetic.gold;
import static dev.dp.bench.Synthetic.sample;
import static dev.dp.bench.Synthetic.silver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.contracts.Json;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportsTest {

  static final BenchSettings SETTINGS =
      new BenchSettings(true, 100, 30, 2_000, 2, 10, 900, 0, 1000);

  /** warm-up 0–10 s, steady 10–40 s at 100 changes/s, bulk 40–60 s (burst at 41–43), catch-up. */
  static BenchReports.Run run(List<PhaseSpan> phases, VerifyOutcome verify, String failure) {
    return new BenchReports.Run(
        Synthetic.T0,
        at(70),
        new StackInfo("attached", "/tmp/dp", 0, null),
        phases,
        new DecodingReference.Decoded("test_decoding", "0/1", "0/2", 2_000, 2_006, 0.5),
        null,
        2_000,
        15.0,
        verify,
        null,
        failure);
  }

  static List<PhaseSpan> phases() {
    return List.of(
        new PhaseSpan("warm-up", at(0), at(10), at(0), at(8), null),
        PhaseSpan.sampled("steady", at(10), at(40)),
        new PhaseSpan(
            "bulk",
            at(40),
            at(60),
            at(41),
            at(43),
            SourceRate.of(2L, 2_000L, 2.0, "the burst's own INSERTs")),
        new PhaseSpan("catch-up", at(60), at(70), null, null, null));
  }

  /** One sample a second: 100 events/s during steady, 1000/s during the burst, lag 50. */
  static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    long events = 0;
    long tx = 0;
    for (int t = 0; t <= 70; t++) {
      if (t > 10 && t <= 40) {
        events += 100;
        tx += 100;
      } else if (t > 41 && t <= 43) {
        events += 1_000;
      }
      long lag = t >= 10 && t <= 40 ? 50 : 0;
      Sample s = sample(t, events, lag, events - lag, events, tx);
      samples.add(t >= 31 ? Synthetic.withRefresh(s, 1, 30, 12.5) : s);
    }
    return samples;
  }

  static List<Visibility> records() {
    return List.of(
        silver(0, 9, "detections", 2, 5, 10),
        silver(1, 15, "detections", 3, 12, 100),
        silver(2, 25, "detections", 4, 20, 100),
        gold(1, 30, "detections", 4),
        silver(3, 50, "engagement_events", 2, 42, 2_000),
        new Visibility(
            Stage.GOLD,
            2,
            at(65),
            java.util.Map.of(
                "detections", new Visibility.Table(4, List.of()),
                "engagement_events", new Visibility.Table(2, List.of()))));
  }

  private static final VerifyOutcome PASSED =
      new VerifyOutcome(true, true, List.of("gold.alerts_with_commands: 3 rows"), "all equal");

  @Test
  void everyPhaseHasItsRatesRefreshesAndFreshnessPerStage() {
    BenchReport r = BenchReports.build(SETTINGS, run(phases(), PASSED, null), samples(), records());
    assertThat(r.phases())
        .extracting(PhaseReport::name)
        .containsExactly("warm-up", "steady", "bulk", "catch-up");

    PhaseReport steady = r.phase("steady");
    assertThat(steady.seconds()).isEqualTo(30.0);
    assertThat(steady.kafkaEvents()).isEqualTo(3_000);
    assertThat(steady.kafkaEventsPerSecond()).isCloseTo(100.0, within(1e-9));
    assertThat(steady.source().transactionsPerSecond()).isCloseTo(100.0, within(1e-9));
    assertThat(steady.source().rowChangesPerSecond()).isCloseTo(100.0, within(1e-9));
    assertThat(steady.silverRowsPerSecond()).isCloseTo(100.0, within(1e-9));
    assertThat(steady.maxKafkaLag()).isEqualTo(50);
    assertThat(steady.goldRefreshes()).isEqualTo(new RefreshStats(1, 1, 12.5, 12.5));
    // batches 1 and 2 (100 changes each) were visible in silver after ~3 s and ~5 s, in gold at 30
    // s
    assertThat(steady.freshnessSilver().changes()).isEqualTo(200);
    assertThat(steady.freshnessSilver().p50Seconds()).isCloseTo(3.0, within(0.01));
    assertThat(steady.freshnessSilver().p99Seconds()).isCloseTo(5.0, within(0.01));
    assertThat(steady.freshnessSilver().maxSeconds()).isCloseTo(5.0, within(0.01));
    assertThat(steady.freshnessGold().p50Seconds()).isCloseTo(10.0, within(0.01));
    assertThat(steady.freshnessGold().p99Seconds()).isCloseTo(18.0, within(0.01));
    assertThat(steady.freshnessGold().note()).isNull();

    PhaseReport bulk = r.phase("bulk");
    assertThat(bulk.source().rowChangesPerSecond()).isEqualTo(1_000.0);
    assertThat(bulk.source().transactionsPerSecond()).isEqualTo(1.0);
    assertThat(bulk.kafkaEvents()).isEqualTo(2_000);
    assertThat(bulk.kafkaEventsPerSecond())
        .as("over 40-43 s, while it rose")
        .isCloseTo(2_000 / 3.0, within(1e-9));
    assertThat(bulk.freshnessSilver().p50Seconds()).isCloseTo(8.0, within(0.01));
    assertThat(bulk.freshnessGold().p99Seconds()).isCloseTo(23.0, within(0.01));

    assertThat(r.phase("warm-up").freshnessSilver().p50Seconds()).isCloseTo(4.0, within(0.01));
    assertThat(r.phase("catch-up").freshnessSilver().note())
        .isEqualTo("no data: the bench commits no source changes in this phase");

    assertThat(r.steadyLag().lagNotGrowing()).isTrue();
    assertThat(r.steadyLag().slopeRecordsPerSecond()).isEqualTo(0.0);
    assertThat(r.bulkReference().pipelineRowsPerSecond()).isCloseTo(2_000 / 15.0, within(1e-9));
    assertThat(r.bulkReference().pipelineToDecodingRatio())
        .isCloseTo((2_000 / 15.0) / 4_000.0, within(1e-12));
    assertThat(r.completed()).isTrue();
    assertThat(r.freshnessMeasurement()).contains("source commit time");
  }

  @Test
  void theSeriesHasPointsForBothStagesOverTheBench() {
    BenchReport r = BenchReports.build(SETTINGS, run(phases(), PASSED, null), samples(), records());
    assertThat(r.freshnessSeries())
        .extracting(FreshnessPoint::stage)
        .contains(Stage.SILVER, Stage.GOLD);
    FreshnessPoint first = r.freshnessSeries().get(0);
    assertThat(first.stage()).isEqualTo(Stage.SILVER);
    assertThat(first.secondsFromStart()).isEqualTo(5.0);
    assertThat(first.changes()).isEqualTo(10);
    assertThat(r.freshnessSeries())
        .filteredOn(p -> p.stage() == Stage.GOLD)
        .extracting(FreshnessPoint::changes)
        .containsExactly(10L, 100L, 100L, 2_000L);
  }

  @Test
  void withoutVisibilityRecordsEveryFreshnessFigureSaysNoDataAndTheRestIsMeasured() {
    BenchReport r = BenchReports.build(SETTINGS, run(phases(), PASSED, null), samples(), List.of());
    for (PhaseReport p : r.phases()) {
      assertThat(p.freshnessSilver().measured()).isFalse();
      assertThat(p.freshnessGold().p50Seconds()).isNull();
      assertThat(p.freshnessGold().note()).startsWith("no data: ");
    }
    assertThat(r.phase("steady").freshnessSilver().note()).contains("wrote no visibility records");
    assertThat(r.freshnessSeries()).isEmpty();
    assertThat(r.phase("steady").kafkaEventsPerSecond()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void recordsFromBeforeTheBenchAreNotCounted() {
    List<Visibility> old = new ArrayList<>(records());
    old.add(silver(9, -100, "detections", 1, -110, 1_000));
    BenchReport r = BenchReports.build(SETTINGS, run(phases(), PASSED, null), samples(), old);
    assertThat(r.phase("warm-up").freshnessSilver().changes()).isEqualTo(10);
  }

  @Test
  void reportJsonHasEveryFieldEvenWhenAFigureIsMissingAndReadsBackEqual() {
    BenchReport r =
        BenchReports.build(
            SETTINGS,
            run(phases().subList(0, 2), VerifyOutcome.notRun("stopped"), "bulk: timed out"),
            samples(),
            List.of());
    String json = Json.pretty(r);
    JsonNode root = Json.mapper().valueToTree(r);
    assertThat(ReportFields.missing(root, BenchReport.class)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.path("steady_lag"))
        .remove("slope_records_per_second");
    assertThat(ReportFields.missing(root, BenchReport.class))
        .containsExactly("report.steady_lag.slope_records_per_second");
    assertThat(root.path("phases").get(0).path("freshness_gold").has("p50_seconds")).isTrue();
    assertThat(root.path("phases").get(0).path("freshness_gold").path("p50_seconds").isNull())
        .isTrue();
    assertThat(root.path("completed").asBoolean()).isFalse();
    assertThat(root.path("failure").asText()).isEqualTo("bulk: timed out");
    assertThat(Json.read(json, BenchReport.class)).isEqualTo(r);
  }
}
