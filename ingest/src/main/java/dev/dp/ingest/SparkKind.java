package dev.dp.ingest;

/** How a column is stored in Spark and converted from JSON; see {@link ColumnType}. */
enum SparkKind {
  STRING("STRING"),
  /** A {@code uuid} column: a string that must be a UUID. */
  UUID("STRING"),
  /** A Connect array, map or struct: stored as its JSON text. */
  JSON_TEXT("STRING"),
  BOOLEAN("BOOLEAN"),
  TINYINT("TINYINT"),
  SMALLINT("SMALLINT"),
  INT("INT"),
  BIGINT("BIGINT"),
  FLOAT("FLOAT"),
  DOUBLE("DOUBLE"),
  DECIMAL("DECIMAL"),
  /** {@code timestamptz}: an ISO-8601 string with offset, an instant. */
  TIMESTAMP("TIMESTAMP"),
  /** {@code timestamp} without time zone, milliseconds since the epoch. */
  TIMESTAMP_NTZ_MILLIS("TIMESTAMP_NTZ"),
  /** {@code timestamp} without time zone, microseconds since the epoch. */
  TIMESTAMP_NTZ_MICROS("TIMESTAMP_NTZ"),
  /** {@code timestamp} without time zone, nanoseconds since the epoch. */
  TIMESTAMP_NTZ_NANOS("TIMESTAMP_NTZ"),
  /** {@code date}: days since the epoch. */
  DATE("DATE"),
  BINARY("BINARY");

  private final String sqlName;

  SparkKind(String sqlName) {
    this.sqlName = sqlName;
  }

  String sqlName() {
    return sqlName;
  }
}
