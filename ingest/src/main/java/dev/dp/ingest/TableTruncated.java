package dev.dp.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code TRUNCATE} of a source table (Debezium op {@code t}, a record without a key): every row the
 * table held before {@code position} is gone. Silver applies it in source order: rows older than
 * the position become tombstones, and changes older than it that arrive later (replays) are
 * ignored.
 *
 * @param topic the Kafka topic
 * @param table the source table
 * @param position where the truncate sits in the source's history
 * @param committedAt when the source committed it, null if absent
 */
public record TableTruncated(
    String topic, String table, SourcePosition position, Instant committedAt)
    implements ParsedMessage {

  /** The op code Debezium writes for a truncate. */
  public static final String OP_CODE = "t";

  public TableTruncated {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(position, "position");
  }
}
