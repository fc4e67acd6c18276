package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.health.Health;
import dev.dp.health.HealthReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dp health}: the seed guide's 18-step health playbook as one command. */
@Command(
    name = "health",
    description = {
      "Run the 18 checks of the seed guide's health playbook, top to bottom like the data flow:",
      "one line per step with PASS / WARN / FAIL / SKIP and what was seen; a FAIL says what is",
      "wrong and where to look next. Steps that depend on a failed service are not probed.",
      "Exit code 1 when any step FAILs, 0 otherwise (WARN does not fail)."
    })
final class HealthCommand implements Callable<Integer> {

  /** Clears an ANSI terminal and moves the cursor home. */
  private static final String CLEAR = "\033[H\033[2J";

  @Mixin StackOptions stack;

  @Option(names = "--json", description = "Print a JSON array (one object per step) for scripts.")
  boolean json;

  @Option(
      names = "--watch",
      arity = "0..1",
      fallbackValue = "5",
      paramLabel = "SECONDS",
      description = "Run again every SECONDS (default 5), redrawing in place, until Ctrl-C.")
  Integer watch;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Bound of one run (default: dp.health.timeout-seconds, 20).")
  Integer timeout;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> extra = new LinkedHashMap<>();
    if (timeout != null) {
      extra.put(DpSettings.HEALTH_TIMEOUT_SECONDS.key(), timeout.toString());
    }
    DpConfig config = stack.config(extra);
    if (watch == null) {
      HealthReport report = run(config);
      System.out.print(render(report));
      return report.exitCode();
    }
    long pauseMillis = Math.max(1, watch) * 1000L;
    while (!Thread.currentThread().isInterrupted()) {
      HealthReport report = run(config);
      System.out.print(CLEAR + render(report));
      if (!json) {
        System.out.printf(
            "%s; again every %d s (Ctrl-C to stop)%n", Instant.now(), pauseMillis / 1000);
      }
      System.out.flush();
      Thread.sleep(pauseMillis); // the pause between two runs a person watches
    }
    return 0;
  }

  private static HealthReport run(DpConfig config) {
    return Health.run(config, StackOptions.supervisor(config).status());
  }

  private String render(HealthReport report) {
    return json ? report.toJson() + System.lineSeparator() : HealthTable.render(report);
  }
}
