package dev.dp.ingest;

import java.util.Optional;

/** The kind of a Debezium change event: the envelope's {@code op} field. */
public enum Op {
  /** A row was inserted. */
  CREATE("c"),
  /** A row was updated. */
  UPDATE("u"),
  /** A row was deleted; the envelope has no {@code after}. */
  DELETE("d"),
  /** A row was read by a snapshot: the state of the row at the snapshot, not a change. */
  READ("r");

  private final String code;

  Op(String code) {
    this.code = code;
  }

  /** The one-letter code Debezium writes. */
  public String code() {
    return code;
  }

  /**
   * The op of a row change's code, empty for other codes ({@code t}, truncate, is not a row change:
   * {@link TableTruncated}).
   */
  public static Optional<Op> fromCode(String code) {
    for (Op op : values()) {
      if (op.code.equals(code)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
