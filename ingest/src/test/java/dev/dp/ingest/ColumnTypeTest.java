package dev.dp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnTypeTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // ---- the source types of the 15 tables, as the connector describes them ----

  static Stream<Arguments> sourceTypesOfTheFifteenTables() {
    return Stream.of(
        Arguments.of(
            uuid("id"),
            "STRING",
            text("1715c06c-1aab-46bc-8a5f-71bc9c0b5686"),
            "1715c06c-1aab-46bc-8a5f-71bc9c0b5686"),
        Arguments.of(
            timestamptz("event_time"),
            "TIMESTAMP",
            text("2026-01-02T01:04:05.123456Z"),
            Timestamp.from(Instant.parse("2026-01-02T01:04:05.123456Z"))),
        Arguments.of(varchar("src"), "STRING", text("radar_feed"), "radar_feed"),
        Arguments.of(plain("msg", "string", "TEXT", "2147483647", "0"), "STRING", text("x"), "x"),
        Arguments.of(
            numeric("range_km", 19, 4), "DECIMAL(19,4)", text("113.5912"), dec("113.5912")),
        Arguments.of(
            numeric("lat", 19, 8), "DECIMAL(19,8)", text("-51.53859065"), dec("-51.53859065")),
        Arguments.of(
            logical("rules", "string", "io.debezium.data.Json", "JSONB"),
            "STRING",
            text("[\"no_collateral\", \"weapons_tight\"]"),
            "[\"no_collateral\", \"weapons_tight\"]"),
        Arguments.of(
            plain("hit", "boolean", "BOOL", "1", "0"), "BOOLEAN", NODES.booleanNode(true), true),
        Arguments.of(enumeration("domain", "DOMAIN_TYPE"), "STRING", text("land"), "land"),
        Arguments.of(enumeration("status", "UNIT_STATUS"), "STRING", text("ready"), "ready"),
        Arguments.of(
            enumeration("threat_level", "THREAT_LEVEL"), "STRING", text("critical"), "critical"),
        Arguments.of(enumeration("iff_status", "IFF_STATUS"), "STRING", text("foe"), "foe"),
        Arguments.of(
            enumeration("status", "ALERT_STATUS"), "STRING", text("acknowledged"), "acknowledged"),
        Arguments.of(enumeration("effect", "EW_EFFECT"), "STRING", text("jammed"), "jammed"),
        Arguments.of(enumeration("weather_type", "WEATHER_TYPE"), "STRING", text("fog"), "fog"),
        Arguments.of(
            enumeration("result", "ENGAGEMENT_RESULT"), "STRING", text("missed"), "missed"),
        Arguments.of(enumeration("role", "USER_ROLE"), "STRING", text("commander"), "commander"));
  }

  @ParameterizedTest
  @MethodSource("sourceTypesOfTheFifteenTables")
  void mapsEverySourceTypeOfTheFifteenTables(
      ObjectNode field, String sparkType, JsonNode value, Object expected) {
    ColumnType column = ColumnType.from(field);

    assertThat(column.sparkType()).isEqualTo(sparkType);
    assertThat(column.convert(value)).isEqualTo(new ColumnValue.Present(expected));
    if (column.optional()) {
      assertThat(column.convert(NODES.nullNode())).isEqualTo(new ColumnValue.Present(null));
      assertThat(column.convert(null)).isEqualTo(new ColumnValue.Present(null));
    }
  }

  @Test
  void theCapturedSchemasMapAsDocumented() {
    Map<String, java.util.SortedSet<String>> sparkTypesBySourceType = new TreeMap<>();
    for (String file : Fixtures.files()) {
      for (Fixtures.Message message : Fixtures.load(file)) {
        if (message.value() == null) {
          continue;
        }
        for (JsonNode struct : message.valueTree().get("schema").get("fields")) {
          if (!struct.get("field").asText().equals("after")) {
            continue;
          }
          for (JsonNode field : struct.get("fields")) {
            ColumnType column = ColumnType.from(field);
            String source =
                column.sourceType()
                    + ("NUMERIC".equals(column.sourceType())
                        ? "(" + field.get("parameters").get(ColumnType.SOURCE_LENGTH).asText() + ")"
                        : "");
            sparkTypesBySourceType
                .computeIfAbsent(source, s -> new java.util.TreeSet<>())
                .add(column.sparkType());
          }
        }
      }
    }
    Map<String, String> sparkTypeBySourceType = new TreeMap<>();
    sparkTypesBySourceType.forEach((k, v) -> sparkTypeBySourceType.put(k, String.join(" / ", v)));
    // every parameter block is present (column.propagate.source.type=.*)
    assertThat(sparkTypeBySourceType).doesNotContainKey("null");
    assertThat(sparkTypeBySourceType)
        .containsEntry("UUID", "STRING")
        .containsEntry("TIMESTAMPTZ", "TIMESTAMP")
        .containsEntry("VARCHAR", "STRING")
        .containsEntry("TEXT", "STRING")
        .containsEntry("JSONB", "STRING")
        .containsEntry("BOOL", "BOOLEAN")
        .containsEntry("ALERT_STATUS", "STRING")
        .containsEntry("THREAT_LEVEL", "STRING")
        .containsEntry("DOMAIN_TYPE", "STRING")
        .containsEntry("ENGAGEMENT_RESULT", "STRING")
        .containsEntry("NUMERIC(19)", "DECIMAL(19,4) / DECIMAL(19,8)")
        .containsEntry("NUMERIC(131089)", "DECIMAL(38,18)")
        .containsEntry("NUMERIC(5)", "DECIMAL(5,2)")
        .containsEntry("INT2", "SMALLINT")
        .containsEntry("INT4", "INT")
        .containsEntry("INT8", "BIGINT")
        .containsEntry("FLOAT4", "FLOAT")
        .containsEntry("FLOAT8", "DOUBLE")
        .containsEntry("DATE", "DATE")
        .containsEntry("TIMESTAMP", "TIMESTAMP_NTZ");
  }

  // ---- decimals ----

  @Test
  void aDecimalKeepsTheColumnsScale() {
    ColumnType column = ColumnType.from(numeric("n", 19, 4));

    assertThat(present(column, text("1.5"))).isEqualTo(dec("1.5000"));
    assertThat(((BigDecimal) present(column, text("1.5"))).scale()).isEqualTo(4);
    assertThat(present(column, text("1.23450"))).isEqualTo(dec("1.2345"));
    assertThat(present(column, text("-0"))).isEqualTo(dec("0.0000"));
    assertThat(present(column, text("1E+3"))).isEqualTo(dec("1000.0000"));
    assertThat(present(column, NODES.numberNode(new BigDecimal("2.25")))).isEqualTo(dec("2.2500"));
  }

  @Test
  void aDecimalWithTooManyIntegerDigitsDoesNotFit() {
    ColumnType column = ColumnType.from(numeric("speed_kmh", 19, 4));

    assertThat(present(column, text("999999999999999.9999")))
        .isEqualTo(dec("999999999999999.9999"));
    assertThat(invalid(column, text("1000000000000000")))
        .isEqualTo("1000000000000000 has 16 integer digits, DECIMAL(19,4) allows 15");
    assertThat(invalid(column, text("-1234567890123456.5"))).contains("16 integer digits");
  }

  @Test
  void aDecimalThatWouldNeedRoundingDoesNotFit() {
    ColumnType column = ColumnType.from(numeric("n", 19, 4));

    assertThat(invalid(column, text("1.23456")))
        .isEqualTo(
            "1.23456 has more than 4 fractional digits, DECIMAL(19,4) cannot hold it without"
                + " rounding");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "", "1.2.3", "NaN", "Infinity", "1,5", "0x10"})
  void textThatIsNoDecimalNumberDoesNotFit(String value) {
    ColumnType column = ColumnType.from(numeric("n", 19, 4));

    assertThat(invalid(column, text(value))).endsWith("is not a decimal number");
  }

  @Test
  void hugeExponentsAreRejectedWithoutExpandingThem() {
    ColumnType column = ColumnType.from(numeric("n", 19, 4));

    assertThat(invalid(column, text("1E+2147483647"))).contains("2147483648 integer digits");
    assertThat(invalid(column, text("1E-2147483647"))).contains("more than 4 fractional digits");
    assertThat(invalid(column, text("1E+9999999999"))).contains("not a decimal number");
  }

  @Test
  void anUnconstrainedNumericBecomesDecimal38Scale18() {
    // what Debezium reports for a plain `numeric` column
    ColumnType column = ColumnType.from(plain("score", "string", "NUMERIC", "131089", "0"));

    assertThat(column.sparkType()).isEqualTo("DECIMAL(38,18)");
    assertThat(present(column, text("12345678901234567890.123456789012345678")))
        .isEqualTo(dec("12345678901234567890.123456789012345678"));
    assertThat(invalid(column, text("123456789012345678901")))
        .contains("21 integer digits, DECIMAL(38,18) allows 20");
    assertThat(invalid(column, text("0.1234567890123456789")))
        .contains("more than 18 fractional digits");
  }

  @Test
  void aNumericWithoutUsablePrecisionFallsBackToDecimal38Scale18() {
    assertThat(ColumnType.from(plain("n", "string", "NUMERIC", null, null)).sparkType())
        .isEqualTo("DECIMAL(38,18)");
    assertThat(ColumnType.from(numeric("n", 50, 10)).sparkType()).isEqualTo("DECIMAL(38,18)");
    assertThat(ColumnType.from(numeric("n", 3, 5)).sparkType()).isEqualTo("DECIMAL(38,18)");
    assertThat(ColumnType.from(numeric("n", 5, -2)).sparkType()).isEqualTo("DECIMAL(38,18)");
    assertThat(ColumnType.from(numeric("n", 38, 0)).sparkType()).isEqualTo("DECIMAL(38,0)");
  }

  @Test
  void aNumericWithGarbagePrecisionIsRefused() {
    assertThatThrownBy(() -> ColumnType.from(plain("n", "string", "NUMERIC", "lots", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'n'")
        .hasMessageContaining("lots");
  }

  @Test
  void withoutSourceTypeParametersANumericIsJustAString() {
    ObjectNode field = numeric("n", 19, 4);
    field.remove("parameters");

    ColumnType column = ColumnType.from(field);

    assertThat(column.sparkType()).isEqualTo("STRING");
    assertThat(column.sourceType()).isNull();
  }

  // ---- timestamps and dates ----

  @Test
  void timestamptzKeepsMicrosecondsAndHonoursOffsets() {
    ColumnType column = ColumnType.from(timestamptz("t"));

    Timestamp micros = (Timestamp) present(column, text("2026-11-26T00:55:39.791486Z"));
    assertThat(micros.toInstant()).isEqualTo(Instant.parse("2026-11-26T00:55:39.791486Z"));
    assertThat(micros.getNanos()).isEqualTo(791_486_000);
    assertThat(((Timestamp) present(column, text("2026-01-02T03:04:05+02:00"))).toInstant())
        .isEqualTo(Instant.parse("2026-01-02T01:04:05Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-13-01T00:00:00Z",
        "2026-01-02 01:04:05",
        "2026-01-02T01:04:05",
        "infinity",
        ""
      })
  void anUnparsableTimestampDoesNotFit(String value) {
    assertThat(invalid(ColumnType.from(timestamptz("t")), text(value)))
        .endsWith("is not an ISO-8601 timestamp with offset");
  }

  @Test
  void aTimestampOutsideSparksRangeDoesNotFit() {
    assertThat(invalid(ColumnType.from(timestamptz("t")), text("+10000-01-01T00:00:00Z")))
        .contains("outside Spark's timestamp range");
  }

  @Test
  void timestampsWithoutTimeZoneBecomeLocalDateTimes() {
    assertThat(
            present(
                localTimestamp("io.debezium.time.MicroTimestamp"),
                NODES.numberNode(1767323045123456L)))
        .isEqualTo(LocalDateTime.parse("2026-01-02T03:04:05.123456"));
    assertThat(
            present(localTimestamp("io.debezium.time.Timestamp"), NODES.numberNode(1767323045123L)))
        .isEqualTo(LocalDateTime.parse("2026-01-02T03:04:05.123"));
    assertThat(
            present(
                localTimestamp("io.debezium.time.NanoTimestamp"),
                NODES.numberNode(1767323045123456789L)))
        .isEqualTo(LocalDateTime.parse("2026-01-02T03:04:05.123456789"));
    assertThat(present(localTimestamp("io.debezium.time.MicroTimestamp"), NODES.numberNode(-1L)))
        .isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999"));
    assertThat(
            invalid(localTimestamp("io.debezium.time.Timestamp"), NODES.numberNode(Long.MAX_VALUE)))
        .contains("outside");
    assertThat(invalid(localTimestamp("io.debezium.time.MicroTimestamp"), text("2026-01-02")))
        .contains("expected an integer count since the epoch");
  }

  @Test
  void datesAreDaysSinceTheEpoch() {
    ColumnType column = ColumnType.from(logical("d", "int32", "io.debezium.time.Date", "DATE"));

    assertThat(column.sparkType()).isEqualTo("DATE");
    assertThat(present(column, NODES.numberNode(20455)))
        .isEqualTo(Date.valueOf(LocalDate.of(2026, 1, 2)));
    assertThat(invalid(column, NODES.numberNode(9_999_999))).contains("outside Spark's date range");
  }

  // ---- other primitives ----

  @Test
  void integersAreCheckedAgainstTheirRange() {
    ColumnType int4 = ColumnType.from(plain("i", "int32", "INT4", "10", "0"));
    ColumnType int2 = ColumnType.from(plain("s", "int16", "INT2", "5", "0"));
    ColumnType int8 = ColumnType.from(plain("l", "int64", "INT8", "19", "0"));
    ColumnType tiny = ColumnType.from(plain("b", "int8", null, null, null));

    assertThat(present(int4, NODES.numberNode(7))).isEqualTo(7);
    assertThat(invalid(int4, NODES.numberNode(3_000_000_000L)))
        .isEqualTo("3000000000 is out of range for INT [-2147483648, 2147483647]");
    assertThat(invalid(int4, NODES.numberNode(1.5))).contains("expected an integer");
    assertThat(invalid(int4, text("7"))).contains("expected an integer for INT, got string \"7\"");
    assertThat(present(int2, NODES.numberNode(-32768))).isEqualTo((short) -32768);
    assertThat(invalid(int2, NODES.numberNode(40000))).contains("out of range for SMALLINT");
    assertThat(present(int8, NODES.numberNode(9_000_000_000L))).isEqualTo(9_000_000_000L);
    assertThat(invalid(int8, NODES.numberNode(new java.math.BigInteger("99999999999999999999"))))
        .contains("out of range for BIGINT");
    assertThat(tiny.sparkType()).isEqualTo("TINYINT");
    assertThat(present(tiny, NODES.numberNode(-5))).isEqualTo((byte) -5);
  }

  @Test
  void floatingPointAcceptsTheQuotedSpecialValues() {
    ColumnType float8 = ColumnType.from(plain("w", "double", "FLOAT8", "17", "17"));
    ColumnType float4 = ColumnType.from(plain("r", "float", "FLOAT4", "8", "8"));

    assertThat(present(float8, NODES.numberNode(0.125))).isEqualTo(0.125d);
    assertThat(present(float8, NODES.numberNode(3))).isEqualTo(3.0d);
    assertThat(present(float8, text("NaN"))).isEqualTo(Double.NaN);
    assertThat(present(float8, text("-Infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(invalid(float8, text("1.5"))).contains("expected a number");
    assertThat(present(float4, NODES.numberNode(1.5))).isEqualTo(1.5f);
    assertThat(invalid(float4, NODES.numberNode(1e300))).contains("out of range for FLOAT");
  }

  @Test
  void booleansMustBeBooleans() {
    ColumnType column = ColumnType.from(plain("hit", "boolean", "BOOL", "1", "0"));

    assertThat(invalid(column, text("true"))).contains("expected true or false");
    assertThat(invalid(column, NODES.numberNode(1))).contains("expected true or false");
  }

  @Test
  void uuidsMustBeUuids() {
    ColumnType column = ColumnType.from(uuid("id"));

    assertThat(present(column, text("1715C06C-1AAB-46BC-8A5F-71BC9C0B5686")))
        .isEqualTo("1715C06C-1AAB-46BC-8A5F-71BC9C0B5686");
    assertThat(invalid(column, text("1-2-3-4-5"))).isEqualTo("'1-2-3-4-5' is not a UUID");
    assertThat(invalid(column, text("1715c06c1aab46bc8a5f71bc9c0b5686"))).contains("not a UUID");
    assertThat(invalid(column, NODES.numberNode(1))).contains("expected a UUID string");
  }

  @Test
  void stringsMustBeStrings() {
    ColumnType column = ColumnType.from(varchar("src"));

    assertThat(invalid(column, NODES.numberNode(5))).contains("expected a JSON string for STRING");
    assertThat(invalid(column, NODES.objectNode())).contains("got object {}");
  }

  @Test
  void bytesAreBase64AndStructuresKeepTheirJsonText() {
    ColumnType bytes = ColumnType.from(plain("b", "bytes", "BYTEA", null, null));
    ColumnType array = ColumnType.from(plain("a", "array", "_TEXT", null, null));

    assertThat(bytes.sparkType()).isEqualTo("BINARY");
    assertThat((byte[]) present(bytes, text("AQID"))).containsExactly(1, 2, 3);
    assertThat(invalid(bytes, text("***"))).isEqualTo("is not valid base64");
    assertThat(array.sparkType()).isEqualTo("STRING");
    assertThat(present(array, NODES.arrayNode().add("x").add("y"))).isEqualTo("[\"x\",\"y\"]");
  }

  @Test
  void otherTimeTypesKeepTheirExactPrimitiveValue() {
    ColumnType time = ColumnType.from(logical("t", "int64", "io.debezium.time.MicroTime", "TIME"));
    ColumnType timetz =
        ColumnType.from(logical("z", "string", "io.debezium.time.ZonedTime", "TIMETZ"));

    assertThat(time.sparkType()).isEqualTo("BIGINT");
    assertThat(present(time, NODES.numberNode(11_045_123_456L))).isEqualTo(11_045_123_456L);
    assertThat(timetz.sparkType()).isEqualTo("STRING");
  }

  // ---- NULL and the TOAST placeholder ----

  @Test
  void nullInANotNullColumnDoesNotFit() {
    ColumnType id = ColumnType.from(uuid("id"));

    assertThat(id.optional()).isFalse();
    assertThat(id.convert(NODES.nullNode()))
        .isEqualTo(
            new ColumnValue.Invalid(
                "id", "is NOT NULL in the source but the change carries no value"));
  }

  @Test
  void theToastPlaceholderIsUnchangedForEveryTypeThatCanBeToasted() {
    JsonNode placeholder = text(ColumnType.TOAST_PLACEHOLDER);

    for (ObjectNode field :
        new ObjectNode[] {
          plain("msg", "string", "TEXT", "2147483647", "0"),
          varchar("src"),
          logical("rules", "string", "io.debezium.data.Json", "JSONB"),
          numeric("n", 19, 4),
          plain("a", "array", "_TEXT", null, null)
        }) {
      assertThat(ColumnType.from(field).convert(placeholder))
          .as(field.toString())
          .isSameAs(ColumnValue.Unchanged.INSTANCE);
    }
    String base64 = Base64.getEncoder().encodeToString(ColumnType.TOAST_PLACEHOLDER.getBytes());
    assertThat(ColumnType.from(plain("b", "bytes", "BYTEA", null, null)).convert(text(base64)))
        .isSameAs(ColumnValue.Unchanged.INSTANCE);
  }

  // ---- schema problems ----

  @Test
  void refusesSchemasItCannotStore() {
    assertThatThrownBy(() -> ColumnType.from(NODES.textNode("x")))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> ColumnType.from(NODES.objectNode().put("type", "string")))
        .hasMessageContaining("without a 'field' name");
    assertThatThrownBy(() -> ColumnType.from(NODES.objectNode().put("field", "x")))
        .hasMessageContaining("'x' has no 'type'");
    assertThatThrownBy(() -> ColumnType.from(plain("x", "int128", null, null, null)))
        .hasMessageContaining("unknown Connect type 'int128'");
    assertThatThrownBy(
            () ->
                ColumnType.from(
                    logical("x", "bytes", "io.debezium.data.VariableScaleDecimal", "NUMERIC")))
        .hasMessageContaining("decimal.handling.mode=string");
  }

  @Test
  void aLogicalNameOnTheWrongPrimitiveIsIgnored() {
    assertThat(
            ColumnType.from(logical("x", "int64", "io.debezium.time.ZonedTimestamp", null))
                .sparkType())
        .isEqualTo("BIGINT");
  }

  @Test
  void ddlQuotesTheName() {
    assertThat(ColumnType.from(varchar("odd`name")).ddl()).isEqualTo("`odd``name` STRING");
    assertThat(ColumnType.from(numeric("n", 19, 4)).toString())
        .isEqualTo("n DECIMAL(19,4) (NUMERIC)");
  }

  @Test
  void columnTypesCompareByValue() {
    assertThat(ColumnType.from(numeric("n", 19, 4)))
        .isEqualTo(ColumnType.from(numeric("n", 19, 4)))
        .hasSameHashCodeAs(ColumnType.from(numeric("n", 19, 4)))
        .isNotEqualTo(ColumnType.from(numeric("n", 19, 8)))
        .isNotEqualTo(ColumnType.from(numeric("m", 19, 4)));
  }

  // ---- helpers building field schemas shaped like the captured ones ----

  private static Object present(ColumnType column, JsonNode value) {
    ColumnValue converted = column.convert(value);
    assertThat(converted).as("%s <- %s", column, value).isInstanceOf(ColumnValue.Present.class);
    return ((ColumnValue.Present) converted).value();
  }

  private static String invalid(ColumnType column, JsonNode value) {
    ColumnValue converted = column.convert(value);
    assertThat(converted).as("%s <- %s", column, value).isInstanceOf(ColumnValue.Invalid.class);
    ColumnValue.Invalid invalid = (ColumnValue.Invalid) converted;
    assertThat(invalid.column()).isEqualTo(column.name());
    return invalid.reason();
  }

  private static ColumnType localTimestamp(String logical) {
    return ColumnType.from(logical("ts", "int64", logical, "TIMESTAMP"));
  }

  private static JsonNode text(String value) {
    return NODES.textNode(value);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  static ObjectNode plain(
      String name, String type, String sourceType, String length, String scale) {
    ObjectNode field = NODES.objectNode().put("type", type).put("optional", true);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (sourceType != null) {
      parameters.put(ColumnType.SOURCE_TYPE, sourceType);
    }
    if (length != null) {
      parameters.put(ColumnType.SOURCE_LENGTH, length);
    }
    if (scale != null) {
      parameters.put(ColumnType.SOURCE_SCALE, scale);
    }
    if (!parameters.isEmpty()) {
      ObjectNode node = field.putObject("parameters");
      parameters.forEach(node::put);
      node.put("__debezium.source.column.name", name);
    }
    return field.put("field", name);
  }

  static ObjectNode logical(String name, String type, String logical, String sourceType) {
    ObjectNode field = plain(name, type, sourceType, "2147483647", "0");
    field.put("name", logical).put("version", 1);
    return field;
  }

  static ObjectNode uuid(String name) {
    return logical(name, "string", "io.debezium.data.Uuid", "UUID").put("optional", false);
  }

  static ObjectNode timestamptz(String name) {
    ObjectNode field = plain(name, "string", "TIMESTAMPTZ", "35", "6");
    return field.put("name", "io.debezium.time.ZonedTimestamp").put("version", 1);
  }

  static ObjectNode varchar(String name) {
    return plain(name, "string", "VARCHAR", "255", "0");
  }

  static ObjectNode numeric(String name, int precision, int scale) {
    return plain(name, "string", "NUMERIC", Integer.toString(precision), Integer.toString(scale));
  }

  static ObjectNode enumeration(String name, String type) {
    ObjectNode field = logical(name, "string", "io.debezium.data.Enum", type);
    ((ObjectNode) field.get("parameters")).put("allowed", "a,b");
    return field;
  }
}
