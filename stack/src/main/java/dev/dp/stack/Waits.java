package dev.dp.stack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Bounded polling of a condition; the only way the supervisor waits. */
public final class Waits {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private Waits() {}

  /**
   * Polls {@code probe} until it reports ready, {@code abort} returns a reason to stop, or the
   * deadline passes.
   *
   * @return the final readiness (ready, or the last observation when aborted or timed out)
   */
  public static Outcome until(
      long deadlineNanos, Supplier<Readiness> probe, Supplier<String> abort) {
    Readiness last = Readiness.notYet("not probed yet");
    while (true) {
      String aborted = abort.get();
      if (aborted != null) {
        return new Outcome(last, aborted, false);
      }
      last = probe.get();
      if (last.ready()) {
        return new Outcome(last, null, false);
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return new Outcome(last, null, true);
      }
      LockSupport.parkNanos(Math.min(POLL_NANOS, left));
    }
  }

  /** A deadline {@code timeout} from now, as {@link System#nanoTime()}. */
  public static long deadline(Duration timeout) {
    return System.nanoTime() + timeout.toNanos();
  }

  /**
   * How a wait ended.
   *
   * @param last the last probe result
   * @param abortReason why waiting stopped early, or null
   * @param timedOut whether the deadline passed
   */
  public record Outcome(Readiness last, String abortReason, boolean timedOut) {
    public boolean ready() {
      return last.ready() && abortReason == null;
    }
  }
}
