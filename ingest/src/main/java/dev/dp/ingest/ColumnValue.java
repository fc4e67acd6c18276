package dev.dp.ingest;

/** The result of converting one column value of a change event: see {@link ColumnType#convert}. */
public sealed interface ColumnValue {

  /**
   * A value Spark accepts for the column's type.
   *
   * @param value the Java value, or null for SQL NULL
   */
  record Present(Object value) implements ColumnValue {}

  /**
   * Debezium's placeholder for an unchanged TOASTed column ({@value ColumnType#TOAST_PLACEHOLDER}):
   * the change did not carry the value, the stored one stays. Never converted, never stored.
   */
  record Unchanged() implements ColumnValue {

    /** The only instance needed. */
    public static final Unchanged INSTANCE = new Unchanged();
  }

  /**
   * A value that does not fit the column's type.
   *
   * @param column the column's name
   * @param reason why, in words an operator understands
   */
  record Invalid(String column, String reason) implements ColumnValue {

    /** {@code column 'name': reason}. */
    public String message() {
      return "column '" + column + "': " + reason;
    }
  }
}
