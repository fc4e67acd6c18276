package dev.dp.process;

/**
 * The four value types of gold columns, with their PostgreSQL and Spark SQL spellings.
 *
 * <p>Every number in gold is {@code numeric(19,4)}: source numbers are {@code numeric(19,4)}
 * already, and computed numbers are rounded half up to {@link #SCALE} decimal places when they are
 * computed (see docs/gold.md). Identifiers (UUIDs) and enumerations are text.
 */
public enum GoldType {
  /** Text: UUIDs in their canonical lower-case form, enumeration labels, names. */
  TEXT("text", "STRING"),
  /** A number with 4 decimal places. */
  NUMERIC("numeric(19,4)", "DECIMAL(19,4)"),
  /** A boolean. */
  BOOLEAN("boolean", "BOOLEAN"),
  /** An instant ({@code timestamptz}; Spark's {@code TIMESTAMP} is an instant too). */
  TIMESTAMPTZ("timestamptz", "TIMESTAMP");

  /** Decimal places of every gold number; the oracle compares numbers at this scale. */
  public static final int SCALE = 4;

  private final String postgresType;
  private final String sparkType;

  GoldType(String postgresType, String sparkType) {
    this.postgresType = postgresType;
    this.sparkType = sparkType;
  }

  /** The column type in PostgreSQL DDL, e.g. {@code numeric(19,4)}. */
  public String postgresType() {
    return postgresType;
  }

  /** The type the Spark SQL produces for such a column, in Spark DDL form. */
  public String sparkType() {
    return sparkType;
  }
}
