package dev.dp.bench;

import dev.dp.contracts.Freshness;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link BenchReport} from what a run recorded: its phases, the sampler's readings and
 * the jobs' visibility records. Pure, so the report's arithmetic is tested with synthetic inputs.
 */
public final class BenchReports {

  /** The number of points the freshness series aims at. */
  static final int SERIES_POINTS = 150;

  private BenchReports() {}

  /**
   * What a run recorded besides its samples and visibility records.
   *
   * @param startedAt when the bench started
   * @param finishedAt when it finished
   * @param stack the stack measured
   * @param phases the phases that ran, in order
   * @param decoded what the reference slot decoded, or null
   * @param decodingNote why decoding was not measured, or null
   * @param burstRows rows the burst inserted (0 when the bulk phase did not run)
   * @param secondsToSilver burst start to silver caught up, or null
   * @param verify the closing verify
   * @param visibilityNote why the visibility records could not be read, or null
   * @param failure why the bench stopped early, or null
   */
  public record Run(
      Instant startedAt,
      Instant finishedAt,
      StackInfo stack,
      List<PhaseSpan> phases,
      DecodingReference.Decoded decoded,
      String decodingNote,
      long burstRows,
      Double secondsToSilver,
      VerifyOutcome verify,
      String visibilityNote,
      String failure) {}

  /** The report of a run. */
  public static BenchReport build(
      BenchSettings settings, Run run, List<Sample> samples, List<Visibility> visibility) {
    List<Visibility> records =
        visibility.stream().filter(v -> !v.visibleAt().isBefore(run.startedAt())).toList();
    Freshness freshness = records.isEmpty() ? null : new Freshness(records);
    String noRecords =
        run.visibilityNote() != null
            ? run.visibilityNote()
            : "the jobs wrote no visibility records during the bench"
                + " (DP_HOME/run/*.visibility.jsonl)";
    List<PhaseReport> phases = new ArrayList<>();
    for (PhaseSpan span : run.phases()) {
      phases.add(phase(span, samples, freshness, noRecords));
    }
    PhaseReport steady =
        phases.stream().filter(p -> p.name().equals("steady")).findFirst().orElse(null);
    LagTrend lag =
        steady == null
            ? LagTrend.of(List.of(), settings.rate())
            : LagTrend.of(
                PhaseFigures.window(samples, steady.startedAt(), steady.endedAt()),
                steady.kafkaEventsPerSecond() != null
                    ? steady.kafkaEventsPerSecond()
                    : settings.rate());
    DecodingReference reference =
        DecodingReference.of(
            run.decoded(), run.burstRows(), run.secondsToSilver(), run.decodingNote());
    return new BenchReport(
        run.startedAt(),
        run.finishedAt(),
        run.stack(),
        settings,
        Burst.TABLE,
        BenchReport.FRESHNESS_MEASUREMENT,
        phases,
        lag,
        reference,
        run.verify(),
        freshness == null ? List.of() : series(freshness, run),
        BenchReport.TARGETS,
        run.failure() == null,
        run.failure());
  }

  static PhaseReport phase(
      PhaseSpan span, List<Sample> samples, Freshness freshness, String noRecords) {
    List<Sample> window = PhaseFigures.window(samples, span.start(), span.end());
    double seconds = Duration.between(span.start(), span.end()).toMillis() / 1000.0;
    SourceRate source =
        span.exactSource() != null
            ? span.exactSource()
            : SourceRate.of(
                PhaseFigures.increase(window, Sample::generatorChanges),
                PhaseFigures.increase(window, Sample::sourceRowChanges),
                PhaseFigures.span(window, Sample::sourceRowChanges),
                "dp_generator.progress (transactions), pg_stat_user_tables of the 15 tables (rows)");
    return new PhaseReport(
        span.name(),
        span.start(),
        span.end(),
        seconds,
        source,
        PhaseFigures.increase(window, Sample::kafkaEndOffsets),
        PhaseFigures.rate(window, Sample::kafkaEndOffsets),
        PhaseFigures.increase(window, Sample::silverRowsApplied),
        PhaseFigures.rate(window, Sample::silverRowsApplied),
        PhaseFigures.max(window, Sample::kafkaLag),
        PhaseFigures.refreshes(samples, span.start(), span.end()),
        freshness(Stage.SILVER, span, freshness, noRecords),
        freshness(Stage.GOLD, span, freshness, noRecords));
  }

  private static StageFreshness freshness(
      Stage stage, PhaseSpan span, Freshness freshness, String noRecords) {
    if (span.commitsFrom() == null) {
      return StageFreshness.noData(stage, "the bench commits no source changes in this phase");
    }
    if (freshness == null) {
      return StageFreshness.noData(stage, noRecords);
    }
    return StageFreshness.of(
        freshness.summary(stage, span.commitsFrom(), span.commitsTo()),
        "no change committed in this phase was made visible at this stage");
  }

  /** Freshness over the run's source commit times, per stage, in about {@link #SERIES_POINTS}. */
  static List<FreshnessPoint> series(Freshness freshness, Run run) {
    Instant from = run.startedAt();
    Instant to =
        run.phases().stream()
            .map(PhaseSpan::commitsTo)
            .filter(t -> t != null)
            .max(Instant::compareTo)
            .orElse(from);
    if (!to.isAfter(from)) {
      return List.of();
    }
    long stepSeconds = Math.max(1, Duration.between(from, to).toSeconds() / SERIES_POINTS);
    List<FreshnessPoint> points = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      for (Map.Entry<Instant, Freshness.Summary> e :
          freshness.series(stage, from, to, Duration.ofSeconds(stepSeconds)).entrySet()) {
        StageFreshness f = StageFreshness.of(e.getValue(), "");
        points.add(
            new FreshnessPoint(
                stage,
                e.getKey(),
                Duration.between(from, e.getKey()).toMillis() / 1000.0,
                f.changes(),
                f.p50Seconds(),
                f.p99Seconds(),
                f.maxSeconds()));
      }
    }
    return points;
  }
}
