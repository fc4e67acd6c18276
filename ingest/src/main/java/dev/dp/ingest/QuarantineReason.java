package dev.dp.ingest;

/**
 * Why a Kafka record could not become a change event. Stored with the quarantined record (next to
 * the specific {@link Quarantined#detail()}), so that quarantined records can be counted and
 * searched by kind.
 */
public enum QuarantineReason {
  /** The topic is not {@code jadc2_db.public.<table>} for one of the 15 source tables. */
  UNKNOWN_TABLE("the topic is not one of the 15 source topics"),
  /** The key is not JSON, or not a JSON object. */
  MALFORMED_KEY("the key is not a JSON object"),
  /** The key has no non-blank {@code id}. */
  MISSING_KEY("the key has no primary key id"),
  /** The value is not JSON, or not a JSON object. */
  MALFORMED_VALUE("the value is not a JSON object"),
  /** The value has no {@code schema}: the converter must run with {@code schemas.enable=true}. */
  MISSING_SCHEMA("the value has no schema"),
  /** The value has no {@code payload} object. */
  MISSING_PAYLOAD("the value has no payload"),
  /** The payload has no {@code op}. */
  MISSING_OP("the payload has no op"),
  /** The payload's {@code op} is none of c, u, d, r. */
  UNKNOWN_OP("the op is not one of c, u, d, r"),
  /** The payload has no {@code source} block. */
  MISSING_SOURCE("the payload has no source block"),
  /** The source block has neither a usable {@code sequence} nor an {@code lsn}. */
  MISSING_POSITION("the source block has no position"),
  /** The source block names another table than the topic. */
  TABLE_MISMATCH("the source table differs from the topic's table"),
  /** The row's primary key differs from the record's key. */
  KEY_MISMATCH("the row's id differs from the key"),
  /** An insert, update or snapshot read without an {@code after} row. */
  MISSING_AFTER("the change has no after row"),
  /** The schema of the row is missing, malformed, or has a type the pipeline cannot store. */
  INVALID_SCHEMA("the row's schema cannot be used"),
  /** A column value does not fit the column's type. */
  INVALID_VALUE("a value does not fit its column type");

  private final String description;

  QuarantineReason(String description) {
    this.description = description;
  }

  /** One line saying what the reason means. */
  public String description() {
    return description;
  }
}
