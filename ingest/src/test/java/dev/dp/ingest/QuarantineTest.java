package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every quarantine reason, produced from real messages with one thing broken. */
class QuarantineTest {

  private static final Fixtures.Message INSERT = Fixtures.one("alerts-insert.txt");
  private static final Fixtures.Message DELETE = Fixtures.one("alerts-delete.txt");
  private static final Fixtures.Message WEAPON = Fixtures.one("weapons-insert.txt");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jadc2_db.public.missiles",
        "jadc2_db.dp_cdc.heartbeat",
        "__debezium-heartbeat.jadc2_db",
        "alerts",
        ""
      })
  void aTopicOutsideTheFifteenSourceTablesIsAnUnknownTable(String topic) {
    assertQuarantined(INSERT.withTopic(topic), QuarantineReason.UNKNOWN_TABLE, "'" + topic + "'");
  }

  @Test
  void aMissingTopicIsAnUnknownTable() {
    assertQuarantined(INSERT.withTopic(null), QuarantineReason.UNKNOWN_TABLE, "'null'");
  }

  @Test
  void aTombstoneOfAnUnknownTopicIsNotSkippedSilently() {
    assertQuarantined(
        Fixtures.one("alerts-tombstone.txt").withTopic("jadc2_db.public.missiles"),
        QuarantineReason.UNKNOWN_TABLE,
        "missiles");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"id\":", "[\"x\"]", "\"id\"", "{\"id\":\"a\"} trailing"})
  void aKeyThatIsNotAJsonObjectIsMalformed(String key) {
    assertQuarantined(INSERT.withKey(key), QuarantineReason.MALFORMED_KEY, "key");
  }

  @Test
  void aKeyOfInvalidUtf8IsMalformed() {
    ParsedMessage parsed =
        new ChangeEnvelopeParser()
            .parse(
                INSERT.topic(),
                new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'},
                INSERT.value().getBytes(StandardCharsets.UTF_8));
    assertThat(parsed).isInstanceOf(Quarantined.class);
    assertThat(((Quarantined) parsed).reason()).isEqualTo(QuarantineReason.MALFORMED_KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{}", "{\"id\":\"\"}", "{\"id\":\"   \"}", "{\"id\":42}", "{\"uuid\":\"x\"}"})
  void aKeyWithoutANonBlankIdIsAMissingKey(String key) {
    assertQuarantined(INSERT.withKey(key), QuarantineReason.MISSING_KEY, "has no non-blank 'id'");
  }

  @Test
  void aRecordWithoutKeyIsAMissingKey() {
    assertQuarantined(INSERT.withKey(null), QuarantineReason.MISSING_KEY, "no key");
    assertQuarantined(
        Fixtures.one("alerts-tombstone.txt").withKey(null), QuarantineReason.MISSING_KEY, "no key");
  }

  @Test
  void aKeyWrittenWithSchemasIsAccepted() {
    String key = "{\"schema\":{\"type\":\"struct\"},\"payload\":" + INSERT.key() + "}";
    assertThat(INSERT.withKey(key).parse()).isInstanceOf(ChangeEvent.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"schema\":", "[]", "null", "42", "{} {}"})
  void aValueThatIsNotAJsonObjectIsMalformed(String value) {
    assertQuarantined(INSERT.withValue(value), QuarantineReason.MALFORMED_VALUE, "value");
  }

  @Test
  void aTruncatedValueIsMalformedAndSaysWhere() {
    String value = INSERT.value().substring(0, INSERT.value().length() / 2);
    Quarantined q =
        assertQuarantined(
            INSERT.withValue(value), QuarantineReason.MALFORMED_VALUE, "not valid JSON");
    assertThat(q.detail()).contains("end-of-input");
  }

  @Test
  void aValueWithoutSchemaSaysHowToFixTheConverter() {
    assertQuarantined(
        mutate(INSERT, v -> v.remove("schema")),
        QuarantineReason.MISSING_SCHEMA,
        "schemas.enable=true");
  }

  @Test
  void aValueWithoutPayloadIsQuarantined() {
    assertQuarantined(
        mutate(INSERT, v -> v.remove("payload")), QuarantineReason.MISSING_PAYLOAD, "'payload'");
    assertQuarantined(
        mutate(INSERT, v -> v.putNull("payload")), QuarantineReason.MISSING_PAYLOAD, "'payload'");
  }

  @Test
  void aPayloadWithoutOpIsQuarantined() {
    assertQuarantined(
        mutate(INSERT, v -> payload(v).remove("op")), QuarantineReason.MISSING_OP, "'op'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"t", "m", "x", "create", ""})
  void anUnknownOpIsQuarantined(String op) {
    assertQuarantined(
        mutate(INSERT, v -> payload(v).put("op", op)),
        QuarantineReason.UNKNOWN_OP,
        "op '" + op + "' is not one of c (insert), u (update), d (delete), r (snapshot read)");
  }

  @Test
  void aPayloadWithoutSourceIsQuarantined() {
    assertQuarantined(
        mutate(INSERT, v -> payload(v).remove("source")),
        QuarantineReason.MISSING_SOURCE,
        "'source'");
  }

  @Test
  void aSourceWithoutSequenceOrLsnHasNoPosition() {
    assertQuarantined(
        mutate(
            INSERT,
            v -> {
              source(v).remove("sequence");
              source(v).remove("lsn");
            }),
        QuarantineReason.MISSING_POSITION,
        "neither a sequence");
  }

  @Test
  void anUnusableSequenceFallsBackToTheLsn() {
    for (String sequence : List.of("garbage", "[\"1\"]", "[\"x\",\"y\"]", "[true,false]")) {
      ChangeEvent event =
          (ChangeEvent) mutate(INSERT, v -> source(v).put("sequence", sequence)).parse();
      assertThat(event.position()).isEqualTo(SourcePosition.streamed(null, 26976232L));
    }
    ChangeEvent withoutSequence =
        (ChangeEvent) mutate(INSERT, v -> source(v).remove("sequence")).parse();
    assertThat(withoutSequence.position()).isEqualTo(new SourcePosition(26976232L, 26976232L));
  }

  @Test
  void aNegativeLsnIsNoPosition() {
    assertQuarantined(
        mutate(
            INSERT,
            v -> {
              source(v).remove("sequence");
              source(v).put("lsn", -5);
            }),
        QuarantineReason.MISSING_POSITION,
        "lsn");
  }

  @Test
  void aChangeOfAnotherTableOnTheTopicIsQuarantined() {
    assertQuarantined(
        mutate(INSERT, v -> source(v).put("table", "weapons")),
        QuarantineReason.TABLE_MISMATCH,
        "carries a change of table 'weapons'");
  }

  @Test
  void aRowWhoseIdDiffersFromTheKeyIsQuarantined() {
    String other = "11111111-2222-3333-4444-555555555555";
    assertQuarantined(
        mutate(INSERT, v -> after(v).put("id", other)),
        QuarantineReason.KEY_MISMATCH,
        "'" + other + "' differs from the record key");
    assertQuarantined(
        mutate(DELETE, v -> ((ObjectNode) payload(v).get("before")).put("id", other)),
        QuarantineReason.KEY_MISMATCH,
        other);
  }

  @Test
  void aDeleteWithoutBeforeImageStillApplies() {
    ChangeEvent delete = (ChangeEvent) mutate(DELETE, v -> payload(v).putNull("before")).parse();
    assertThat(delete.op()).isEqualTo(Op.DELETE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c", "u", "r"})
  void anInsertUpdateOrReadWithoutAfterIsQuarantined(String op) {
    assertQuarantined(
        mutate(
            INSERT,
            v -> {
              payload(v).put("op", op);
              payload(v).putNull("after");
            }),
        QuarantineReason.MISSING_AFTER,
        "op '" + op + "'");
    assertQuarantined(
        mutate(
            INSERT,
            v -> {
              payload(v).put("op", op);
              payload(v).remove("after");
            }),
        QuarantineReason.MISSING_AFTER,
        "without an 'after' row");
  }

  @Test
  void aSchemaWithoutRowStructIsInvalid() {
    assertQuarantined(
        mutate(INSERT, v -> ((ObjectNode) v.get("schema")).putArray("fields")),
        QuarantineReason.INVALID_SCHEMA,
        "no 'after' or 'before' struct");
  }

  @Test
  void aFieldOfUnknownTypeIsInvalidSchema() {
    assertQuarantined(
        mutate(INSERT, v -> afterField(v, "src").put("type", "int128")),
        QuarantineReason.INVALID_SCHEMA,
        "column 'src' has the unknown Connect type 'int128'");
  }

  @Test
  void preciseDecimalsAreRefusedWithTheFix() {
    assertQuarantined(
        mutate(
            WEAPON,
            v -> afterField(v, "range_km").put("name", "org.apache.kafka.connect.data.Decimal")),
        QuarantineReason.INVALID_SCHEMA,
        "decimal.handling.mode=string");
  }

  @Test
  void aColumnWithoutSchemaIsInvalidSchema() {
    assertQuarantined(
        mutate(INSERT, v -> after(v).put("surprise", 1)),
        QuarantineReason.INVALID_SCHEMA,
        "'surprise' that its schema does not describe");
  }

  @Test
  void aColumnDescribedTwiceIsInvalidSchema() {
    assertQuarantined(
        mutate(INSERT, v -> afterFields(v).add(afterField(v, "src").deepCopy())),
        QuarantineReason.INVALID_SCHEMA,
        "'src' twice");
  }

  @Test
  void aSchemaWithoutPrimaryKeyIsInvalid() {
    assertQuarantined(
        mutate(
            INSERT,
            v -> {
              afterFields(v).remove(0);
              after(v).remove("id");
            }),
        QuarantineReason.INVALID_SCHEMA,
        "no primary key column 'id'");
  }

  @Test
  void aValueThatDoesNotFitItsColumnIsInvalidAndNamed() {
    Quarantined q =
        assertQuarantined(
            mutate(WEAPON, v -> after(v).put("range_km", "abc")),
            QuarantineReason.INVALID_VALUE,
            "column 'range_km': 'abc' is not a decimal number");
    assertThat(q.detail()).contains("DECIMAL(19,4)").contains("NUMERIC");
  }

  @Test
  void everyBadValueOfARowIsReportedAtOnce() {
    Quarantined q =
        assertQuarantined(
            mutate(
                WEAPON,
                v -> {
                  after(v).put("speed_kmh", "12345678901234567.5");
                  after(v).put("ingest_timestamp", "yesterday");
                  after(v).put("unit_id", "not-a-uuid");
                }),
            QuarantineReason.INVALID_VALUE,
            "column 'speed_kmh'");
    assertThat(q.detail())
        .contains("17 integer digits, DECIMAL(19,4) allows 15")
        .contains("column 'ingest_timestamp': 'yesterday' is not an ISO-8601 timestamp")
        .contains("column 'unit_id': 'not-a-uuid' is not a UUID");
  }

  @Test
  void aNullPrimaryKeyIsInvalid() {
    assertQuarantined(
        mutate(INSERT, v -> after(v).putNull("id")),
        QuarantineReason.INVALID_VALUE,
        "column 'id': is NOT NULL in the source");
  }

  @Test
  void aKeyThatIsNotAUuidIsInvalidForADelete() {
    assertQuarantined(
        mutate(DELETE, v -> payload(v).putNull("before")).withKey("{\"id\":\"42\"}"),
        QuarantineReason.INVALID_VALUE,
        "key column 'id': '42' is not a UUID");
  }

  @Test
  void messageCombinesReasonAndDetail() {
    Quarantined q = (Quarantined) INSERT.withTopic("x").parse();
    assertThat(q.message()).startsWith("UNKNOWN_TABLE: topic 'x'");
    assertThat(q.reason().description()).isNotBlank();
  }

  @Test
  void neverThrowsForDamagedMessages() {
    Random random = new Random(20261126);
    ChangeEnvelopeParser parser = new ChangeEnvelopeParser();
    List<Fixtures.Message> messages = new ArrayList<>();
    Fixtures.files().forEach(f -> messages.addAll(Fixtures.load(f)));
    for (int i = 0; i < 1000; i++) {
      Fixtures.Message m = messages.get(random.nextInt(messages.size()));
      byte[] key = damage(m.key(), random);
      byte[] value = m.value() == null ? null : damage(m.value(), random);
      assertThatCode(() -> parser.parse(m.topic(), key, value)).doesNotThrowAnyException();
    }
    for (int i = 0; i < 1000; i++) {
      Fixtures.Message m = messages.get(random.nextInt(messages.size()));
      if (m.value() == null) {
        continue;
      }
      ObjectNode tree = m.valueTree();
      replaceRandomNode(tree, random);
      String value = tree.toString();
      assertThatCode(() -> parser.parse(m.topic(), m.key(), value)).doesNotThrowAnyException();
    }
  }

  private static byte[] damage(String text, Random random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(4)) {
      case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 1 -> {
        byte[] copy = bytes.clone();
        for (int j = 0; j < 1 + random.nextInt(5); j++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        yield copy;
      }
      case 2 -> {
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        yield noise;
      }
      default -> bytes;
    };
  }

  /** Replaces one node anywhere in the tree by a value of another kind. */
  private static void replaceRandomNode(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    JsonNode container = containers.get(random.nextInt(containers.size()));
    JsonNode replacement =
        switch (random.nextInt(7)) {
          case 0 -> Fixtures.JSON.nullNode();
          case 1 -> Fixtures.JSON.getNodeFactory().textNode("x");
          case 2 -> Fixtures.JSON.getNodeFactory().numberNode(random.nextLong());
          case 3 -> Fixtures.JSON.getNodeFactory().booleanNode(random.nextBoolean());
          case 4 -> Fixtures.JSON.createArrayNode().add(1).add("2");
          case 5 -> Fixtures.JSON.createObjectNode().put("a", 1);
          default -> Fixtures.JSON.getNodeFactory().numberNode(1e300);
        };
    if (container instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      if (random.nextInt(4) == 0) {
        object.remove(name);
      } else {
        object.set(name, replacement);
      }
    } else if (container instanceof ArrayNode array && array.size() > 0) {
      array.set(random.nextInt(array.size()), replacement);
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.elements().forEachRemaining(child -> collectContainers(child, out));
    }
  }

  private static Quarantined assertQuarantined(
      Fixtures.Message message, QuarantineReason reason, String detailPart) {
    ParsedMessage parsed = message.parse();
    assertThat(parsed).isInstanceOf(Quarantined.class);
    Quarantined q = (Quarantined) parsed;
    assertThat(q.reason()).as(q.detail()).isEqualTo(reason);
    assertThat(q.detail()).contains(detailPart);
    assertThat(q.topic()).isEqualTo(message.topic());
    return q;
  }

  private static Fixtures.Message mutate(Fixtures.Message message, Consumer<ObjectNode> change) {
    ObjectNode value = message.valueTree();
    change.accept(value);
    return message.withValue(value);
  }

  private static ObjectNode payload(ObjectNode value) {
    return (ObjectNode) value.get("payload");
  }

  private static ObjectNode source(ObjectNode value) {
    return (ObjectNode) payload(value).get("source");
  }

  private static ObjectNode after(ObjectNode value) {
    return (ObjectNode) payload(value).get("after");
  }

  private static ArrayNode afterFields(ObjectNode value) {
    for (JsonNode field : value.get("schema").get("fields")) {
      if (field.get("field").asText().equals("after")) {
        return (ArrayNode) field.get("fields");
      }
    }
    throw new AssertionError("no after schema");
  }

  private static ObjectNode afterField(ObjectNode value, String column) {
    for (JsonNode field : afterFields(value)) {
      if (field.get("field").asText().equals(column)) {
        return (ObjectNode) field;
      }
    }
    throw new AssertionError("no field " + column);
  }
}
