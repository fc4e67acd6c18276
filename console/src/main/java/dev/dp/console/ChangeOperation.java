package dev.dp.console;

import java.util.Arrays;
import java.util.Optional;

/** The {@code op} of a Debezium change event, with the word the console shows for it. */
public enum ChangeOperation {
  CREATE("c"),
  UPDATE("u"),
  DELETE("d"),
  /** A row read by the connector's initial snapshot. */
  SNAPSHOT("r"),
  TRUNCATE("t"),
  /** A logical decoding message. */
  MESSAGE("m");

  private final String code;

  ChangeOperation(String code) {
    this.code = code;
  }

  /** Debezium's one-letter code. */
  public String code() {
    return code;
  }

  /** The operation of a Debezium {@code op} code. */
  public static Optional<ChangeOperation> ofCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
  }
}
