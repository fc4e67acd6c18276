package dev.dp.cli;

import dev.dp.bench.LiveFreshness;
import dev.dp.bench.ReportText;
import dev.dp.contracts.Stage;
import java.time.Duration;
import java.util.Locale;

/**
 * The freshness part of {@code dp status}: per stage, the latest figure and p50/p99 over the last
 * minutes, from the jobs' visibility logs (kept apart from {@link StatusTable}'s progress parts).
 */
final class FreshnessLines {

  private FreshnessLines() {}

  static String render(LiveFreshness f) {
    StringBuilder sb =
        new StringBuilder(System.lineSeparator())
            .append("freshness per change (source commit -> visible to readers): ");
    if (f.note() != null) {
      return sb.append(f.note()).append(System.lineSeparator()).toString();
    }
    sb.append(System.lineSeparator());
    long minutes = Duration.ofSeconds(f.windowSeconds()).toMinutes();
    TextTable table =
        new TextTable(
            "STAGE",
            "LATEST p50/MAX",
            "NEWEST COMMIT",
            "LAST " + minutes + " MIN p50/p99",
            "CHANGES",
            "PENDING");
    for (LiveFreshness.StageLive s : f.stages()) {
      table.row(
          s.stage().name().toLowerCase(Locale.ROOT),
          s.latest().measured()
              ? seconds(s.latest().p50Seconds()) + " / " + seconds(s.latest().maxSeconds())
              : "-",
          s.latestVisibleAt() == null
              ? "-"
              : (s.stage() == Stage.SILVER ? "batch " : "refresh ")
                  + s.latestBatchId()
                  + ", "
                  + StatusTable.duration(
                      Math.max(0, Duration.between(s.latestVisibleAt(), f.at()).toSeconds()))
                  + " ago",
          s.recent().measured()
              ? seconds(s.recent().p50Seconds()) + " / " + seconds(s.recent().p99Seconds())
              : "-",
          Long.toString(s.recent().changes()),
          s.stage() == Stage.GOLD ? Long.toString(s.recent().pending()) : "-");
    }
    return sb.append(table.render()).toString();
  }

  private static String seconds(Double v) {
    return ReportText.seconds(v) + " s";
  }
}
