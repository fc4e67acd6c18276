package dev.dp.stack;

/**
 * The outcome of one readiness probe: ready, or not yet with what was observed (shown when the wait
 * times out).
 *
 * @param ready whether the service is ready
 * @param detail what the probe saw
 */
public record Readiness(boolean ready, String detail) {

  public static Readiness ready(String detail) {
    return new Readiness(true, detail);
  }

  public static Readiness notYet(String detail) {
    return new Readiness(false, detail);
  }
}
