package dev.dp.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dp.catalog.SourceTables;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one Kafka record of a Debezium topic {@code jadc2_db.public.<table>} into a {@link
 * ChangeEvent}, a {@link Tombstone} or a {@link Quarantined} record. It never throws for bad input:
 * whatever cannot be applied comes back quarantined with a reason.
 *
 * <p>The expected format (JSON converter; key without schema, value with schema):
 *
 * <pre>
 * key:   {"id":"&lt;uuid&gt;"}
 * value: {"schema":{...},"payload":{"before":...,"after":{...},"source":{...,"sequence":
 *         "[\"&lt;last commit LSN&gt;\",\"&lt;event LSN&gt;\"]","table":"alerts","lsn":...},
 *         "op":"c|u|d|r","ts_ms":...}}
 * value: null (tombstone after a delete)
 * </pre>
 *
 * <p>Values are typed with {@link ColumnType} from the schema in the same message, so a column
 * added in the source is typed and carried from its first change on. Thread-safe and serializable:
 * one instance may serve a whole executor.
 */
public final class ChangeEnvelopeParser implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final SourcePositionReader POSITIONS = new SourcePositionReader(MAPPER);

  private final Map<String, String> tableByTopic = new HashMap<>();

  /** A parser for the topics of the 15 source tables of {@link SourceTables}. */
  public ChangeEnvelopeParser() {
    for (String table : SourceTables.NAMES) {
      tableByTopic.put(SourceTables.topic(table), table);
    }
  }

  /**
   * Parses a record as the Kafka source delivers it (binary key and value).
   *
   * @param topic the record's topic
   * @param key the record's key, UTF-8 JSON
   * @param value the record's value, UTF-8 JSON, or null for a tombstone
   */
  public ParsedMessage parse(String topic, byte[] key, byte[] value) {
    try {
      return parseOrReject(topic, key, value);
    } catch (Rejection r) {
      return r.toQuarantined(topic);
    }
  }

  /**
   * Parses a record whose key and value are strings; see {@link #parse(String, byte[], byte[])}.
   */
  public ParsedMessage parse(String topic, String key, String value) {
    return parse(
        topic,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** The source table a topic carries, empty if it is not one of the 15 source topics. */
  public Optional<String> tableOf(String topic) {
    return Optional.ofNullable(topic == null ? null : tableByTopic.get(topic));
  }

  private ParsedMessage parseOrReject(String topic, byte[] keyBytes, byte[] valueBytes)
      throws Rejection {
    String table =
        tableOf(topic)
            .orElseThrow(
                () ->
                    new Rejection(
                        QuarantineReason.UNKNOWN_TABLE,
                        "topic '"
                            + topic
                            + "' is not one of the 15 source topics "
                            + SourceTables.topic("<table>")));
    if (keyBytes == null && valueBytes != null) {
      JsonNode payload =
          readObject(valueBytes, QuarantineReason.MALFORMED_VALUE, "value").path("payload");
      if (TableTruncated.OP_CODE.equals(payload.path("op").asText(null))) {
        return truncated(topic, table, payload); // a truncate is the one event without a key
      }
    }
    String key = keyId(keyBytes);
    if (valueBytes == null) {
      return new Tombstone(topic, table, key);
    }
    JsonNode value = readObject(valueBytes, QuarantineReason.MALFORMED_VALUE, "value");
    JsonNode payload = value.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new Rejection(
          QuarantineReason.MISSING_PAYLOAD,
          "value has no 'payload' object (is it a Debezium change envelope?)");
    }
    JsonNode schema = value.get("schema");
    if (schema == null || !schema.isObject()) {
      throw new Rejection(
          QuarantineReason.MISSING_SCHEMA,
          "value has no 'schema': the value converter must run with schemas.enable=true");
    }
    JsonNode opNode = payload.get("op");
    if (opNode == null || opNode.isNull()) {
      throw new Rejection(QuarantineReason.MISSING_OP, "payload has no 'op'");
    }
    Op op =
        Op.fromCode(opNode.asText())
            .orElseThrow(
                () ->
                    new Rejection(
                        QuarantineReason.UNKNOWN_OP,
                        "op '"
                            + ValueConverter.abbreviate(opNode.asText())
                            + "' is not one of c (insert), u (update), d (delete), r (snapshot"
                            + " read)"));
    JsonNode source = payload.get("source");
    if (source == null || !source.isObject()) {
      throw new Rejection(QuarantineReason.MISSING_SOURCE, "payload has no 'source' block");
    }
    JsonNode sourceTable = source.get("table");
    if (sourceTable != null && sourceTable.isTextual() && !sourceTable.asText().equals(table)) {
      throw new Rejection(
          QuarantineReason.TABLE_MISMATCH,
          "topic '" + topic + "' carries a change of table '" + sourceTable.asText() + "'");
    }
    SourcePosition position = POSITIONS.read(source, op);
    Instant committedAt = committedAt(source);
    List<ColumnType> columns = columns(schema, op);
    ColumnType idColumn =
        columns.stream()
            .filter(c -> c.name().equals(SourceTables.PRIMARY_KEY))
            .findFirst()
            .orElseThrow(
                () ->
                    new Rejection(
                        QuarantineReason.INVALID_SCHEMA,
                        "the row schema has no primary key column '"
                            + SourceTables.PRIMARY_KEY
                            + "'"));

    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> unchanged = new LinkedHashSet<>();
    if (op == Op.DELETE) {
      checkKeyFits(idColumn, key);
      checkRowKey(payload.get("before"), key);
      values.put(SourceTables.PRIMARY_KEY, key);
    } else {
      JsonNode after = payload.get("after");
      if (after == null || !after.isObject()) {
        throw new Rejection(
            QuarantineReason.MISSING_AFTER,
            "op '" + op.code() + "' (" + op.name().toLowerCase() + ") without an 'after' row");
      }
      convertRow(after, columns, values, unchanged);
      checkRowKey(after, key);
    }
    return new ChangeEvent(
        topic, table, key, op, position, committedAt, columns, values, unchanged);
  }

  private static TableTruncated truncated(String topic, String table, JsonNode payload)
      throws Rejection {
    JsonNode source = payload.get("source");
    if (source == null || !source.isObject()) {
      throw new Rejection(QuarantineReason.MISSING_SOURCE, "truncate has no 'source' block");
    }
    JsonNode sourceTable = source.get("table");
    if (sourceTable != null && sourceTable.isTextual() && !sourceTable.asText().equals(table)) {
      throw new Rejection(
          QuarantineReason.TABLE_MISMATCH,
          "topic '" + topic + "' carries a truncate of table '" + sourceTable.asText() + "'");
    }
    return new TableTruncated(topic, table, POSITIONS.read(source, false), committedAt(source));
  }

  private static Instant committedAt(JsonNode source) {
    JsonNode tsMs = source.get("ts_ms");
    return tsMs != null && tsMs.canConvertToLong() && tsMs.isIntegralNumber()
        ? Instant.ofEpochMilli(tsMs.longValue())
        : null;
  }

  private String keyId(byte[] keyBytes) throws Rejection {
    if (keyBytes == null) {
      throw new Rejection(QuarantineReason.MISSING_KEY, "the record has no key");
    }
    JsonNode key = readObject(keyBytes, QuarantineReason.MALFORMED_KEY, "key");
    JsonNode id = key.get(SourceTables.PRIMARY_KEY);
    if (id == null && key.path("payload").isObject()) {
      // a key written with schemas.enable=true
      id = key.get("payload").get(SourceTables.PRIMARY_KEY);
    }
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new Rejection(
          QuarantineReason.MISSING_KEY,
          "key "
              + ValueConverter.abbreviate(key.toString())
              + " has no non-blank '"
              + SourceTables.PRIMARY_KEY
              + "'");
    }
    return id.asText();
  }

  private static JsonNode readObject(byte[] bytes, QuarantineReason reason, String what)
      throws Rejection {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new Rejection(reason, what + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Rejection(reason, what + " cannot be read as JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new Rejection(
          reason,
          what
              + " is not a JSON object: "
              + (node == null || node.isMissingNode()
                  ? "empty"
                  : ValueConverter.abbreviate(node.toString())));
    }
    return node;
  }

  /** The columns of the row struct ({@code after}, or {@code before} for deletes). */
  private static List<ColumnType> columns(JsonNode schema, Op op) throws Rejection {
    JsonNode row = rowStruct(schema, op == Op.DELETE ? "before" : "after");
    if (row == null) {
      row = rowStruct(schema, op == Op.DELETE ? "after" : "before");
    }
    if (row == null || !row.path("fields").isArray()) {
      throw new Rejection(
          QuarantineReason.INVALID_SCHEMA,
          "the schema has no 'after' or 'before' struct with fields");
    }
    List<ColumnType> columns = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode field : row.get("fields")) {
      ColumnType column;
      try {
        column = ColumnType.from(field);
      } catch (IllegalArgumentException e) {
        throw new Rejection(QuarantineReason.INVALID_SCHEMA, e.getMessage());
      }
      if (!names.add(column.name())) {
        throw new Rejection(
            QuarantineReason.INVALID_SCHEMA,
            "the schema describes column '" + column.name() + "' twice");
      }
      columns.add(column);
    }
    return columns;
  }

  private static JsonNode rowStruct(JsonNode schema, String name) {
    JsonNode fields = schema.get("fields");
    if (fields == null || !fields.isArray()) {
      return null;
    }
    for (JsonNode field : fields) {
      if (name.equals(field.path("field").asText(null))) {
        return field;
      }
    }
    return null;
  }

  private static void convertRow(
      JsonNode row, List<ColumnType> columns, Map<String, Object> values, Set<String> unchanged)
      throws Rejection {
    Set<String> described = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (ColumnType column : columns) {
      described.add(column.name());
      ColumnValue converted = column.convert(row.get(column.name()));
      if (converted instanceof ColumnValue.Present present) {
        values.put(column.name(), present.value());
      } else if (converted instanceof ColumnValue.Invalid invalid) {
        problems.add(invalid.message() + " (" + column + ")");
      } else {
        unchanged.add(column.name());
      }
    }
    for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!described.contains(name)) {
        throw new Rejection(
            QuarantineReason.INVALID_SCHEMA,
            "the row has column '" + name + "' that its schema does not describe");
      }
    }
    if (!problems.isEmpty()) {
      throw new Rejection(QuarantineReason.INVALID_VALUE, String.join("; ", problems));
    }
  }

  private static void checkKeyFits(ColumnType idColumn, String key) throws Rejection {
    if (idColumn.convert(TextNode.valueOf(key)) instanceof ColumnValue.Invalid invalid) {
      throw new Rejection(QuarantineReason.INVALID_VALUE, "key " + invalid.message());
    }
  }

  private static void checkRowKey(JsonNode row, String key) throws Rejection {
    if (row == null || !row.isObject()) {
      return;
    }
    JsonNode id = row.get(SourceTables.PRIMARY_KEY);
    if (id != null && !id.isNull() && !key.equals(id.asText())) {
      throw new Rejection(
          QuarantineReason.KEY_MISMATCH,
          "the row's "
              + SourceTables.PRIMARY_KEY
              + " '"
              + ValueConverter.abbreviate(id.asText())
              + "' differs from the record key '"
              + key
              + "'");
    }
  }
}
