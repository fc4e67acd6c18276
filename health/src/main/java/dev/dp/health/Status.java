package dev.dp.health;

/** The outcome of one health check. Only {@link #FAIL} makes {@code dp health} exit with 1. */
public enum Status {
  /** The step is healthy, with the evidence to show it. */
  PASS,
  /** Works, but something deserves a look (a bound nearly reached, a service on purpose idle). */
  WARN,
  /** Broken: the detail says what is wrong and what to look at next. */
  FAIL,
  /** Not checked, with the reason (not run locally, not configured, or a dependency failed). */
  SKIP
}
