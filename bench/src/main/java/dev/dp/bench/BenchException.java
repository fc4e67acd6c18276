package dev.dp.bench;

/**
 * The bench cannot go on: a phase did not finish in time, or the stack is not in a state to be
 * measured. The message says which and what to do; {@link #exitCode()} is what {@code dp bench}
 * returns.
 */
public final class BenchException extends RuntimeException {

  /** A phase did not finish within its timeout. */
  public static final int TIMED_OUT = 3;

  /** The stack cannot be measured (not running, or a step failed). */
  public static final int NOT_MEASURABLE = 4;

  private final int exitCode;

  public BenchException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public BenchException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code of {@code dp bench} for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
