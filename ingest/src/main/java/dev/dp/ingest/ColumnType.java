package dev.dp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a source table as the silver table stores it: the Spark SQL type, derived from the
 * field's schema in the Debezium envelope, and the conversion of a JSON value to the Java value
 * Spark expects for that type.
 *
 * <p>The connector runs with {@code decimal.handling.mode=string}, {@code
 * time.precision.mode=adaptive_time_microseconds} and {@code column.propagate.source.type=.*}, so a
 * field schema looks like {@code {"type":"string","optional":true,"parameters":
 * {"__debezium.source.column.type":"NUMERIC","__debezium.source.column.length":"19",
 * "__debezium.source.column.scale":"4",...},"field":"range_km"}}. The mapping:
 *
 * <table>
 *   <caption>Debezium field schema to Spark SQL type and Java value</caption>
 *   <tr><th>field schema</th><th>Spark</th><th>Java value</th></tr>
 *   <tr><td>string, source type NUMERIC(p,s)</td><td>DECIMAL(p,s)</td><td>BigDecimal, scale s</td>
 *   <tr><td>string, NUMERIC without precision (or p &gt; 38)</td><td>DECIMAL(38,18)</td>
 *       <td>BigDecimal, scale 18</td>
 *   <tr><td>string, io.debezium.time.ZonedTimestamp (timestamptz)</td><td>TIMESTAMP</td>
 *       <td>java.sql.Timestamp</td>
 *   <tr><td>int64, io.debezium.time.[Micro|Nano]Timestamp or Timestamp (timestamp)</td>
 *       <td>TIMESTAMP_NTZ</td>
 *       <td>java.time.LocalDateTime</td>
 *   <tr><td>int32, io.debezium.time.Date</td><td>DATE</td><td>java.sql.Date</td>
 *   <tr><td>string, io.debezium.data.Uuid</td><td>STRING</td><td>String (checked to be a UUID)</td>
 *   <tr><td>other strings (varchar, text, enums, jsonb as JSON text, ...)</td><td>STRING</td>
 *       <td>String</td>
 *   <tr><td>boolean / int8 / int16 / int32 / int64</td>
 *       <td>BOOLEAN / TINYINT / SMALLINT / INT / BIGINT</td>
 *       <td>Boolean / Byte / Short / Integer / Long</td>
 *   <tr><td>float / double</td><td>FLOAT / DOUBLE</td><td>Float / Double</td>
 *   <tr><td>bytes</td><td>BINARY</td><td>byte[]</td>
 *   <tr><td>array, map, struct</td><td>STRING</td><td>String (the JSON text)</td>
 * </table>
 *
 * <p>Why DECIMAL(38,18) for an unconstrained NUMERIC: Debezium reports such a column with length
 * 131089 and scale 0, which Spark cannot represent; 38 is Spark's largest precision and (38,18) is
 * its own default for {@code BigDecimal}, leaving 20 integer and 18 fractional digits. A fixed type
 * keeps every value of the column in one Delta type; a value that needs more digits is reported as
 * not fitting (and quarantined) rather than rounded. Other time logical types (time, interval) and
 * anything unknown fall back to the Connect primitive type, which keeps the value exact.
 *
 * <p>Instances are immutable and compare by value.
 */
public final class ColumnType implements Serializable {

  /** The value Debezium writes for a TOASTed column an update did not change. */
  public static final String TOAST_PLACEHOLDER = "__debezium_unavailable_value";

  /** Spark's largest decimal precision. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** Scale used for a NUMERIC column without a usable precision. */
  public static final int UNCONSTRAINED_DECIMAL_SCALE = 18;

  static final String SOURCE_TYPE = "__debezium.source.column.type";
  static final String SOURCE_LENGTH = "__debezium.source.column.length";
  static final String SOURCE_SCALE = "__debezium.source.column.scale";

  private static final Set<String> NUMERIC_SOURCE_TYPES = Set.of("NUMERIC", "DECIMAL");

  /** Logical types this pipeline refuses: they mean the connector is not configured as expected. */
  private static final Set<String> REJECTED_LOGICAL_TYPES =
      Set.of("org.apache.kafka.connect.data.Decimal", "io.debezium.data.VariableScaleDecimal");

  private final String name;
  private final SparkKind kind;
  private final int precision;
  private final int scale;
  private final String sourceType;
  private final boolean optional;

  private ColumnType(
      String name, SparkKind kind, int precision, int scale, String sourceType, boolean optional) {
    this.name = name;
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.sourceType = sourceType;
    this.optional = optional;
  }

  /**
   * The column a field schema describes.
   *
   * @param fieldSchema one element of the {@code fields} of the {@code after} (or {@code before})
   *     struct in the envelope's schema
   * @throws IllegalArgumentException if the field schema has no name or type, or a type this
   *     pipeline cannot store (the message says which and why)
   */
  public static ColumnType from(JsonNode fieldSchema) {
    if (fieldSchema == null || !fieldSchema.isObject()) {
      throw new IllegalArgumentException("a field schema must be a JSON object: " + fieldSchema);
    }
    String name = text(fieldSchema, "field");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("field schema without a 'field' name: " + fieldSchema);
    }
    String type = text(fieldSchema, "type");
    if (type == null) {
      throw new IllegalArgumentException("field schema of '" + name + "' has no 'type'");
    }
    String logical = text(fieldSchema, "name");
    JsonNode parameters = fieldSchema.path("parameters");
    String sourceType = text(parameters, SOURCE_TYPE);
    boolean optional = fieldSchema.path("optional").asBoolean(false);

    if (logical != null && REJECTED_LOGICAL_TYPES.contains(logical)) {
      throw new IllegalArgumentException(
          "column '"
              + name
              + "' arrives as "
              + logical
              + ": the connector must use decimal.handling.mode=string");
    }
    if ("string".equals(type)
        && sourceType != null
        && NUMERIC_SOURCE_TYPES.contains(sourceType.toUpperCase(Locale.ROOT))) {
      Integer p = intParameter(parameters, SOURCE_LENGTH, name);
      Integer s = intParameter(parameters, SOURCE_SCALE, name);
      boolean constrained =
          p != null && s != null && p >= 1 && p <= MAX_DECIMAL_PRECISION && s >= 0 && s <= p;
      return constrained
          ? new ColumnType(name, SparkKind.DECIMAL, p, s, sourceType, optional)
          : new ColumnType(
              name,
              SparkKind.DECIMAL,
              MAX_DECIMAL_PRECISION,
              UNCONSTRAINED_DECIMAL_SCALE,
              sourceType,
              optional);
    }
    SparkKind kind = logicalKind(logical, type);
    if (kind == null) {
      kind = primitiveKind(type);
    }
    if (kind == null) {
      throw new IllegalArgumentException(
          "column '" + name + "' has the unknown Connect type '" + type + "'");
    }
    return new ColumnType(name, kind, 0, 0, sourceType, optional);
  }

  private static SparkKind logicalKind(String logical, String type) {
    if (logical == null) {
      return null;
    }
    return switch (logical) {
      case "io.debezium.time.ZonedTimestamp" -> "string".equals(type) ? SparkKind.TIMESTAMP : null;
      case "io.debezium.time.Timestamp" ->
          "int64".equals(type) ? SparkKind.TIMESTAMP_NTZ_MILLIS : null;
      case "io.debezium.time.MicroTimestamp" ->
          "int64".equals(type) ? SparkKind.TIMESTAMP_NTZ_MICROS : null;
      case "io.debezium.time.NanoTimestamp" ->
          "int64".equals(type) ? SparkKind.TIMESTAMP_NTZ_NANOS : null;
      case "io.debezium.time.Date" -> "int32".equals(type) ? SparkKind.DATE : null;
      case "io.debezium.data.Uuid" -> "string".equals(type) ? SparkKind.UUID : null;
      default -> null;
    };
  }

  private static SparkKind primitiveKind(String type) {
    return switch (type) {
      case "string" -> SparkKind.STRING;
      case "boolean" -> SparkKind.BOOLEAN;
      case "int8" -> SparkKind.TINYINT;
      case "int16" -> SparkKind.SMALLINT;
      case "int32" -> SparkKind.INT;
      case "int64" -> SparkKind.BIGINT;
      case "float", "float32" -> SparkKind.FLOAT;
      case "double", "float64" -> SparkKind.DOUBLE;
      case "bytes" -> SparkKind.BINARY;
      case "array", "map", "struct" -> SparkKind.JSON_TEXT;
      default -> null;
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static Integer intParameter(JsonNode parameters, String key, String column) {
    String value = text(parameters, key);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column '" + column + "' has a non-numeric " + key + " '" + value + "'", e);
    }
  }

  /** The column's name. */
  public String name() {
    return name;
  }

  /**
   * The Spark SQL type in DDL form, e.g. {@code DECIMAL(19,4)}, {@code TIMESTAMP}, {@code STRING}.
   */
  public String sparkType() {
    return kind == SparkKind.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : kind.sqlName();
  }

  /**
   * The column in DDL form, e.g. {@code `range_km` DECIMAL(19,4)}, for {@code StructType.fromDDL}
   * or {@code ALTER TABLE ... ADD COLUMNS}. Always nullable: deleted rows keep only their key.
   */
  public String ddl() {
    return quote(name) + " " + sparkType();
  }

  /**
   * The PostgreSQL type Debezium reported ({@code __debezium.source.column.type}, e.g. {@code
   * NUMERIC}, {@code TIMESTAMPTZ}, {@code THREAT_LEVEL}), or null if the connector did not
   * propagate it.
   */
  public String sourceType() {
    return sourceType;
  }

  /** Whether the source column is nullable. */
  public boolean optional() {
    return optional;
  }

  /** Precision of a DECIMAL column, 0 for other types. */
  public int precision() {
    return precision;
  }

  /** Scale of a DECIMAL column, 0 for other types. */
  public int scale() {
    return scale;
  }

  SparkKind kind() {
    return kind;
  }

  /**
   * The Java value Spark expects for this column (see the table above), {@link
   * ColumnValue.Unchanged} for the TOAST placeholder, or {@link ColumnValue.Invalid} with the
   * reason when the value does not fit. Never throws for bad input.
   *
   * @param value the field's value in the envelope's {@code after}; null or missing means SQL NULL
   */
  public ColumnValue convert(JsonNode value) {
    return ValueConverter.convert(this, value);
  }

  /** A Spark SQL identifier in back-quotes, back-quotes inside doubled. */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnType other
        && name.equals(other.name)
        && kind == other.kind
        && precision == other.precision
        && scale == other.scale
        && optional == other.optional
        && Objects.equals(sourceType, other.sourceType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, precision, scale, optional, sourceType);
  }

  @Override
  public String toString() {
    return name + " " + sparkType() + (sourceType == null ? "" : " (" + sourceType + ")");
  }
}
