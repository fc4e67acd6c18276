package dev.dp.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A Kafka message of a change topic as a person reads it.
 *
 * @param kind a change event, a tombstone (the null value Debezium writes after a delete so that
 *     compaction can drop the key), or a message that is not a Debezium envelope
 * @param operation the change's operation, null unless {@code kind} is {@link Kind#CHANGE}
 * @param key the message key as JSON (the primary key), or null
 * @param before the row before the change, or null (inserts; updates without a full before image)
 * @param after the row after the change, or null (deletes)
 * @param changedColumns columns whose value differs between before and after (updates with a before
 *     image), otherwise empty
 * @param source where in the source the change comes from, or null
 * @param capturedAt when Debezium processed the change (the envelope's {@code ts_ms}), or null
 * @param note what a reader should know (no before image, why it is not an envelope), or null
 */
public record DecodedMessage(
    Kind kind,
    ChangeOperation operation,
    JsonNode key,
    JsonNode before,
    JsonNode after,
    List<String> changedColumns,
    SourcePosition source,
    Instant capturedAt,
    String note) {

  /** What kind of message it is. */
  public enum Kind {
    CHANGE,
    TOMBSTONE,
    OTHER
  }

  /** Copies the list. */
  public DecodedMessage {
    changedColumns = changedColumns == null ? List.of() : List.copyOf(changedColumns);
  }
}
