package dev.dp.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * Converts JSON values of a change event to the Java values Spark expects; see {@link ColumnType}.
 */
final class ValueConverter {

  /** Spark's timestamp and date range: years 1 to 9999. */
  private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final LocalDateTime MIN_LOCAL = LocalDateTime.of(1, 1, 1, 0, 0);
  private static final LocalDateTime MAX_LOCAL =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

  /** The TOAST placeholder as Debezium writes it into a bytes field. */
  private static final String TOAST_PLACEHOLDER_BASE64 =
      Base64.getEncoder()
          .encodeToString(ColumnType.TOAST_PLACEHOLDER.getBytes(StandardCharsets.UTF_8));

  private ValueConverter() {}

  static ColumnValue convert(ColumnType column, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return column.optional()
          ? new ColumnValue.Present(null)
          : invalid(column, "is NOT NULL in the source but the change carries no value");
    }
    if (value.isTextual() && isToastPlaceholder(column, value.asText())) {
      return ColumnValue.Unchanged.INSTANCE;
    }
    return switch (column.kind()) {
      case STRING -> string(column, value);
      case UUID -> uuid(column, value);
      case JSON_TEXT -> new ColumnValue.Present(value.toString());
      case BOOLEAN ->
          value.isBoolean()
              ? new ColumnValue.Present(value.booleanValue())
              : expected(column, "true or false", value);
      case TINYINT -> integral(column, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> integral(column, value, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT -> integral(column, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> integral(column, value, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> floating(column, value, true);
      case DOUBLE -> floating(column, value, false);
      case DECIMAL -> decimal(column, value);
      case TIMESTAMP -> zonedTimestamp(column, value);
      case TIMESTAMP_NTZ_MILLIS -> localTimestamp(column, value, 1_000L);
      case TIMESTAMP_NTZ_MICROS -> localTimestamp(column, value, 1_000_000L);
      case TIMESTAMP_NTZ_NANOS -> localTimestamp(column, value, 1_000_000_000L);
      case DATE -> date(column, value);
      case BINARY -> binary(column, value);
    };
  }

  private static boolean isToastPlaceholder(ColumnType column, String text) {
    return column.kind() == SparkKind.BINARY
        ? TOAST_PLACEHOLDER_BASE64.equals(text)
        : ColumnType.TOAST_PLACEHOLDER.equals(text);
  }

  private static ColumnValue string(ColumnType column, JsonNode value) {
    return value.isTextual()
        ? new ColumnValue.Present(value.asText())
        : expected(column, "a JSON string", value);
  }

  private static ColumnValue uuid(ColumnType column, JsonNode value) {
    if (!value.isTextual()) {
      return expected(column, "a UUID string", value);
    }
    String text = value.asText();
    try {
      UUID parsed = UUID.fromString(text);
      // UUID.fromString accepts short groups such as "1-2-3-4-5"; PostgreSQL never writes them.
      if (text.length() == 36 && parsed.toString().equalsIgnoreCase(text)) {
        return new ColumnValue.Present(text);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    return invalid(column, "'" + abbreviate(text) + "' is not a UUID");
  }

  private static ColumnValue integral(ColumnType column, JsonNode value, long min, long max) {
    if (!value.isIntegralNumber()) {
      return expected(column, "an integer", value);
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      return invalid(
          column,
          value.asText()
              + " is out of range for "
              + column.sparkType()
              + " ["
              + min
              + ", "
              + max
              + "]");
    }
    long v = value.longValue();
    Object boxed =
        switch (column.kind()) {
          case TINYINT -> (byte) v;
          case SMALLINT -> (short) v;
          case INT -> (int) v;
          default -> v;
        };
    return new ColumnValue.Present(boxed);
  }

  private static ColumnValue floating(ColumnType column, JsonNode value, boolean single) {
    double v;
    if (value.isNumber()) {
      v = value.doubleValue();
    } else if (value.isTextual()) {
      // Kafka's JSON converter writes NaN and the infinities as quoted strings.
      switch (value.asText()) {
        case "NaN" -> v = Double.NaN;
        case "Infinity" -> v = Double.POSITIVE_INFINITY;
        case "-Infinity" -> v = Double.NEGATIVE_INFINITY;
        default -> {
          return expected(column, "a number", value);
        }
      }
    } else {
      return expected(column, "a number", value);
    }
    if (single) {
      float f = (float) v;
      if (Float.isInfinite(f) && !Double.isInfinite(v)) {
        return invalid(column, value.asText() + " is out of range for FLOAT");
      }
      return new ColumnValue.Present(f);
    }
    return new ColumnValue.Present(v);
  }

  private static ColumnValue decimal(ColumnType column, JsonNode value) {
    BigDecimal number;
    if (value.isTextual()) {
      try {
        number = new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        return invalid(column, "'" + abbreviate(value.asText()) + "' is not a decimal number");
      }
    } else if (value.isNumber()) {
      number = value.decimalValue();
    } else {
      return expected(column, "a decimal number as a string", value);
    }
    int precision = column.precision();
    int scale = column.scale();
    // Checked on the stripped number before any rescaling: "1E+999999999" must not be expanded.
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() > scale) {
      return invalid(
          column,
          abbreviate(number.toString())
              + " has more than "
              + scale
              + " fractional digits, "
              + column.sparkType()
              + " cannot hold it without rounding");
    }
    long integerDigits = (long) stripped.precision() - stripped.scale();
    if (stripped.signum() != 0 && integerDigits > precision - scale) {
      return invalid(
          column,
          abbreviate(number.toString())
              + " has "
              + integerDigits
              + " integer digits, "
              + column.sparkType()
              + " allows "
              + (precision - scale));
    }
    return new ColumnValue.Present(stripped.setScale(scale, RoundingMode.UNNECESSARY));
  }

  private static ColumnValue zonedTimestamp(ColumnType column, JsonNode value) {
    if (!value.isTextual()) {
      return expected(column, "an ISO-8601 timestamp string", value);
    }
    Instant instant;
    try {
      instant =
          OffsetDateTime.parse(value.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return invalid(
          column, "'" + abbreviate(value.asText()) + "' is not an ISO-8601 timestamp with offset");
    }
    if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
      return invalid(column, instant + " is outside Spark's timestamp range (years 1 to 9999)");
    }
    return new ColumnValue.Present(Timestamp.from(instant));
  }

  private static ColumnValue localTimestamp(
      ColumnType column, JsonNode value, long unitsPerSecond) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      return expected(column, "an integer count since the epoch", value);
    }
    long units = value.longValue();
    long seconds = Math.floorDiv(units, unitsPerSecond);
    long nanos = Math.floorMod(units, unitsPerSecond) * (1_000_000_000L / unitsPerSecond);
    LocalDateTime local;
    try {
      local = LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return invalid(column, units + " is outside the supported timestamp range");
    }
    if (local.isBefore(MIN_LOCAL) || local.isAfter(MAX_LOCAL)) {
      return invalid(column, local + " is outside Spark's timestamp range (years 1 to 9999)");
    }
    return new ColumnValue.Present(local);
  }

  private static ColumnValue date(ColumnType column, JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      return expected(column, "an integer count of days since the epoch", value);
    }
    LocalDate day;
    try {
      day = LocalDate.ofEpochDay(value.longValue());
    } catch (DateTimeException e) {
      return invalid(column, value.asText() + " days is outside the supported date range");
    }
    if (day.getYear() < 1 || day.getYear() > 9999) {
      return invalid(column, day + " is outside Spark's date range (years 1 to 9999)");
    }
    return new ColumnValue.Present(Date.valueOf(day));
  }

  private static ColumnValue binary(ColumnType column, JsonNode value) {
    if (!value.isTextual()) {
      return expected(column, "base64 text", value);
    }
    try {
      return new ColumnValue.Present(Base64.getDecoder().decode(value.asText()));
    } catch (IllegalArgumentException e) {
      return invalid(column, "is not valid base64");
    }
  }

  private static ColumnValue expected(ColumnType column, String what, JsonNode value) {
    return invalid(
        column,
        "expected "
            + what
            + " for "
            + column.sparkType()
            + ", got "
            + value.getNodeType().name().toLowerCase()
            + " "
            + abbreviate(value.toString()));
  }

  private static ColumnValue invalid(ColumnType column, String reason) {
    return new ColumnValue.Invalid(column.name(), reason);
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
