package dev.dp.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one playbook step in a run.
 *
 * @param step the step number, 1..18
 * @param service the catalog service the step is about
 * @param title the guide's name of the step
 * @param status the outcome
 * @param detail what was seen
 * @param next the next thing to look at, or empty
 * @param evidence the figures behind the verdict
 * @param millis how long the step took
 */
public record CheckResult(
    int step,
    String service,
    String title,
    Status status,
    String detail,
    String next,
    Map<String, Object> evidence,
    long millis) {

  /** The result of {@code step} with {@code verdict}. */
  static CheckResult of(PlaybookStep step, Verdict verdict, long millis) {
    return new CheckResult(
        step.number(),
        step.service(),
        step.title(),
        verdict.status(),
        verdict.detail(),
        verdict.next(),
        verdict.evidence(),
        millis);
  }

  /** The detail with the next step appended, as one sentence a script can show. */
  public String detailWithNext() {
    return next.isEmpty() ? detail : detail + ". Next: " + next;
  }

  /**
   * The result as the JSON object of {@code dp health --json}: {@code step}, {@code service},
   * {@code status}, {@code detail} (with the next step) and {@code evidence} (with how long the
   * step took, {@code check_millis}).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", step);
    m.put("service", service);
    m.put("status", status.name());
    m.put("detail", detailWithNext());
    Map<String, Object> e = new LinkedHashMap<>(evidence);
    e.put("check_millis", millis);
    m.put("evidence", e);
    return m;
  }
}
