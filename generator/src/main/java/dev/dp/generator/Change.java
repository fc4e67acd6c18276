package dev.dp.generator;

import java.util.List;

/**
 * One transaction of the workload: its number (-1 for the seeding of the reference tables), what
 * kind of change it is, and its statements in execution order.
 */
public record Change(long number, String kind, List<Statement> statements) {

  /** The number of the seeding change. */
  public static final long SEEDING = -1;

  /** Freezes the statements. */
  public Change {
    statements = List.copyOf(statements);
  }
}
