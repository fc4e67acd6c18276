package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dp.contracts.Freshness;
import dev.dp.contracts.Stage;
import java.time.Duration;

/**
 * Per-change freshness at one stage, in seconds: from the source commit time of each change to the
 * moment the silver Delta commit (or the gold transaction) containing it was visible.
 *
 * @param stage the stage
 * @param changes changes counted
 * @param pending changes not visible at the stage yet (gold only)
 * @param p50Seconds median, null without data
 * @param p99Seconds 99th percentile, null without data
 * @param maxSeconds the stalest change, null without data
 * @param note why there are no figures, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StageFreshness(
    Stage stage,
    long changes,
    long pending,
    Double p50Seconds,
    Double p99Seconds,
    Double maxSeconds,
    String note) {

  /** The figures of a {@link Freshness.Summary}; "no data" with {@code noDataNote} when empty. */
  public static StageFreshness of(Freshness.Summary s, String noDataNote) {
    if (s.changes() == 0) {
      return new StageFreshness(
          s.stage(), 0, s.pending(), null, null, null, "no data: " + noDataNote);
    }
    return new StageFreshness(
        s.stage(),
        s.changes(),
        s.pending(),
        seconds(s.p50()),
        seconds(s.p99()),
        seconds(s.max()),
        null);
  }

  /** No figures, for the reason given. */
  public static StageFreshness noData(Stage stage, String reason) {
    return new StageFreshness(stage, 0, 0, null, null, null, "no data: " + reason);
  }

  /** Whether there are figures. */
  public boolean measured() {
    return changes > 0;
  }

  private static Double seconds(Duration d) {
    return d == null ? null : d.toMillis() / 1000.0;
  }
}
