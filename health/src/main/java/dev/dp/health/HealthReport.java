package dev.dp.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one {@code dp health} run, in playbook order.
 *
 * @param results one per step
 * @param elapsed how long the run took
 * @param bound the run's bound
 */
public record HealthReport(List<CheckResult> results, Duration elapsed, Duration bound) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public HealthReport {
    results = List.copyOf(results);
  }

  /** Whether any step FAILed (WARN does not count). */
  public boolean failed() {
    return results.stream().anyMatch(r -> r.status() == Status.FAIL);
  }

  /** {@code dp health}'s exit code: 1 when any step FAILed, 0 otherwise. */
  public int exitCode() {
    return failed() ? 1 : 0;
  }

  /** How many steps ended with each status. */
  public Map<Status, Long> counts() {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, results.stream().filter(r -> r.status() == s).count());
    }
    return counts;
  }

  /** The result of a step. */
  public CheckResult step(int number) {
    return results.stream()
        .filter(r -> r.step() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + number));
  }

  /** The JSON array of {@code dp health --json}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(results.stream().map(CheckResult::toJson).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the health report as JSON", e);
    }
  }
}
