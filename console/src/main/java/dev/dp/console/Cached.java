package dev.dp.console;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A value recomputed at most once per {@code ttl}, so several open pages polling the console do not
 * multiply the queries it sends to the stack.
 *
 * @param <T> value type
 */
final class Cached<T> {

  private final Callable<T> compute;
  private final long ttlNanos;
  private T value;
  private long computedAt;

  Cached(Duration ttl, Callable<T> compute) {
    this.ttlNanos = ttl.toNanos();
    this.compute = compute;
  }

  /** The value, recomputed when older than the ttl; a failure is not cached. */
  synchronized T get() throws Exception {
    long now = System.nanoTime();
    if (value == null || now - computedAt > ttlNanos) {
      value = compute.call();
      computedAt = now;
    }
    return value;
  }
}
