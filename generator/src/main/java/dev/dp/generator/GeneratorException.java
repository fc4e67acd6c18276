package dev.dp.generator;

/**
 * The generator cannot go on: a write failed or the database is not in the state it expects. The
 * message says what failed and what to do; the generator exits non-zero.
 */
public final class GeneratorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure without an underlying exception. */
  public GeneratorException(String message) {
    super(message);
  }

  /** A failure caused by {@code cause}. */
  public GeneratorException(String message, Throwable cause) {
    super(message, cause);
  }
}
