package dev.dp.it;

import static org.awaitility.Awaitility.await;

import dev.dp.catalog.DpSettings;
import dev.dp.stack.GeneratorProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs bounded generator bursts on the shared stack. */
final class GeneratorRuns {

  private GeneratorRuns() {}

  /** Starts a burst of {@code count} changes at {@code rate} per second (0 = unthrottled). */
  static void startBurst(LocalStack.Instance stack, int count, int rate) {
    stack
        .supervisor(
            Map.of(
                DpSettings.GENERATOR_COUNT.key(), Integer.toString(count),
                DpSettings.GENERATOR_RATE.key(), Integer.toString(rate)))
        .up(List.of("data-generator"));
  }

  /** Waits until the generator process has ended. */
  static void awaitFinished(LocalStack.Instance stack, Duration atMost) {
    await("data-generator finished its bounded run")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                stack.supervisor(Map.of()).liveProcess(stack.service("data-generator")).isEmpty());
  }

  /** Changes the generator has committed so far (0 before its first run). */
  static long changesApplied(LocalStack.Instance stack) throws SQLException {
    try (Connection c = stack.source().connect()) {
      return GeneratorProgress.changesApplied(c);
    }
  }
}
