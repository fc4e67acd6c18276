package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code dp bench} run measured; {@code report.json} is this record.
 *
 * @param startedAt when the bench started
 * @param finishedAt when it finished
 * @param stack the stack measured
 * @param workload what the bench was asked to do
 * @param burstTable the source table the burst wrote to
 * @param freshnessMeasurement how freshness is measured, in words
 * @param phases the phases in the order they ran
 * @param steadyLag whether the ingest lag grew during the steady phase
 * @param bulkReference the bulk phase against PostgreSQL's own logical decoding
 * @param verify the closing {@code dp verify}
 * @param freshnessSeries freshness over time, per stage (what {@code freshness.png} draws)
 * @param targets the targets per measure (printed beside the figures, never asserted)
 * @param completed whether every phase ran to its end
 * @param failure why the bench stopped early, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BenchReport(
    Instant startedAt,
    Instant finishedAt,
    StackInfo stack,
    BenchSettings workload,
    String burstTable,
    String freshnessMeasurement,
    List<PhaseReport> phases,
    LagTrend steadyLag,
    DecodingReference bulkReference,
    VerifyOutcome verify,
    List<FreshnessPoint> freshnessSeries,
    Map<String, String> targets,
    boolean completed,
    String failure) {

  /** How per-change freshness is measured; stated in every report. */
  public static final String FRESHNESS_MEASUREMENT =
      "per change: from its source commit time (Debezium source.ts_ms, 10 ms buckets) to the moment"
          + " the silver Delta commit (spark-job-ingest) or the gold PostgreSQL transaction"
          + " (spark-job-process) that contains it was visible to readers, from the jobs'"
          + " visibility logs (DP_HOME/run/<container>.visibility.jsonl); a change is visible in"
          + " gold from the first refresh that read its table at or after the silver version"
          + " that applied it; figures per phase cover the changes committed in that phase";

  /** The targets (issue 11), printed beside the measured values. */
  public static final Map<String, String> TARGETS =
      Map.of(
          "steady_freshness_silver", "p50 <= 5 s, p99 <= 15 s",
          "steady_freshness_gold", "p99 <= 30 s",
          "steady_lag", "not growing",
          "bulk_silver_rows_per_second", ">= 5000 rows/s");

  public BenchReport {
    phases = phases == null ? List.of() : List.copyOf(phases);
    freshnessSeries = freshnessSeries == null ? List.of() : List.copyOf(freshnessSeries);
    targets = targets == null ? Map.of() : new java.util.TreeMap<>(targets);
  }

  /** The phase of that name, or null when it did not run. */
  public PhaseReport phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
