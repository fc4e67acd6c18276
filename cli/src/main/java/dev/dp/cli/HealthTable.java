package dev.dp.cli;

import dev.dp.health.CheckResult;
import dev.dp.health.HealthReport;
import dev.dp.health.Status;
import java.util.Locale;
import java.util.Map;

/** Renders {@code dp health} for people: one row per step, the next step under a WARN or FAIL. */
final class HealthTable {

  private HealthTable() {}

  static String render(HealthReport report) {
    TextTable table = new TextTable("STEP", "SERVICE", "STATUS", "DETAIL");
    for (CheckResult r : report.results()) {
      table.row(Integer.toString(r.step()), r.service(), r.status().name(), r.detail());
      if (!r.next().isEmpty() && (r.status() == Status.FAIL || r.status() == Status.WARN)) {
        table.row("", "", "", "-> " + r.next());
      }
    }
    Map<Status, Long> counts = report.counts();
    return table.render()
        + String.format(
            Locale.ROOT,
            "dp health: %d PASS, %d WARN, %d FAIL, %d SKIP in %.1f s (bound %d s)%n",
            counts.get(Status.PASS),
            counts.get(Status.WARN),
            counts.get(Status.FAIL),
            counts.get(Status.SKIP),
            report.elapsed().toMillis() / 1000.0,
            report.bound().toSeconds());
  }
}
