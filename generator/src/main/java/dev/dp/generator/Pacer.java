package dev.dp.generator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Spaces changes to a target rate by parking the thread until the next slot. A run that falls
 * behind by more than a second restarts its schedule rather than bursting to catch up.
 */
final class Pacer {

  private static final long MAX_LAG_NANOS = 1_000_000_000L;

  private final long intervalNanos;
  private long next;

  /** A pacer for {@code perSecond} changes per second; 0 means no pacing. */
  Pacer(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, (long) (1e9 / perSecond));
    this.next = System.nanoTime();
  }

  /** Waits for the next slot; returns early once {@code stop} is true (wake it with unpark). */
  void awaitNextSlot(BooleanSupplier stop) {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - next > MAX_LAG_NANOS) {
      next = now;
    }
    while (!stop.getAsBoolean() && (now = System.nanoTime()) < next) {
      LockSupport.parkNanos(this, next - now);
    }
    next += intervalNanos;
  }
}
