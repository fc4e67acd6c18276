package dev.dp.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the JSON messages Debezium writes to the change topics: the envelope with or without its
 * Connect schema ({@code {"schema":…,"payload":…}}), tombstones, and anything else as "not an
 * envelope" with the reason. Pure: no Kafka, so it is tested on recorded messages.
 */
public final class DebeziumEnvelope {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DebeziumEnvelope() {}

  /**
   * Decodes one message.
   *
   * @param key the message key as text, or null
   * @param value the message value as text, or null for a tombstone
   */
  public static DecodedMessage decode(String key, String value) {
    JsonNode keyNode = payload(parse(key).orElse(null));
    if (value == null) {
      return new DecodedMessage(
          DecodedMessage.Kind.TOMBSTONE,
          null,
          keyNode,
          null,
          null,
          List.of(),
          null,
          null,
          "tombstone: the key was deleted; compaction may drop its earlier messages");
    }
    Optional<JsonNode> parsed = parse(value);
    if (parsed.isEmpty()) {
      return other(keyNode, "the value is not JSON");
    }
    JsonNode envelope = payload(parsed.get());
    String op = envelope.path("op").asText("");
    Optional<ChangeOperation> operation = ChangeOperation.ofCode(op);
    if (operation.isEmpty()) {
      return other(keyNode, "no Debezium operation ('op') in the value");
    }
    JsonNode before = present(envelope.get("before"));
    JsonNode after = present(envelope.get("after"));
    String note = null;
    if (operation.get() == ChangeOperation.UPDATE && before == null) {
      note =
          "no before image: the source table's REPLICA IDENTITY does not send the old row on"
              + " updates";
    }
    return new DecodedMessage(
        DecodedMessage.Kind.CHANGE,
        operation.get(),
        keyNode,
        before,
        after,
        changedColumns(before, after),
        source(envelope.path("source")),
        instant(envelope.get("ts_ms")),
        note);
  }

  private static DecodedMessage other(JsonNode key, String why) {
    return new DecodedMessage(
        DecodedMessage.Kind.OTHER, null, key, null, null, List.of(), null, null, why);
  }

  /** The {@code payload} of a message written with its Connect schema, else the message. */
  private static JsonNode payload(JsonNode node) {
    if (node != null && node.isObject() && node.has("schema") && node.has("payload")) {
      return node.get("payload");
    }
    return node;
  }

  private static SourcePosition source(JsonNode s) {
    if (!s.isObject()) {
      return null;
    }
    Long lsn = s.hasNonNull("lsn") ? s.get("lsn").asLong() : null;
    List<String> sequence = new ArrayList<>();
    parse(s.path("sequence").asText(null))
        .ifPresent(
            seq ->
                seq.forEach(
                    n ->
                        sequence.add(
                            n.isNull() ? "-" : SourcePosition.pgLsn(Long.parseLong(n.asText())))));
    String schema = s.path("schema").asText(null);
    String table = s.path("table").asText(null);
    return new SourcePosition(
        lsn == null ? null : SourcePosition.pgLsn(lsn),
        lsn,
        s.hasNonNull("txId") ? s.get("txId").asLong() : null,
        instant(s.get("ts_ms")),
        sequence,
        s.path("snapshot").asText(null),
        table == null ? null : (schema == null ? table : schema + "." + table),
        s.path("version").asText(null));
  }

  private static List<String> changedColumns(JsonNode before, JsonNode after) {
    List<String> changed = new ArrayList<>();
    if (before == null || after == null) {
      return changed;
    }
    for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
      String column = it.next();
      if (!after.get(column).equals(before.get(column))) {
        changed.add(column);
      }
    }
    return changed;
  }

  private static JsonNode present(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  private static Instant instant(JsonNode epochMillis) {
    return epochMillis == null || !epochMillis.canConvertToLong()
        ? null
        : Instant.ofEpochMilli(epochMillis.asLong());
  }

  private static Optional<JsonNode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
