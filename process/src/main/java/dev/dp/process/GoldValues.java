package dev.dp.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Brings a value of a gold column into the form two values are compared in, by the column's {@link
 * GoldType}: numbers to {@link BigDecimal} at 4 places rounded half up, instants to {@link
 * Instant}, booleans to {@link Boolean}, text to {@link String}. Values may arrive typed (JDBC,
 * Spark) or as text, which is parsed by the column type. The process job's writer and diff use
 * these rules; {@code dp verify} normalises with its own code, so a mistake here shows up there.
 */
public final class GoldValues {

  private GoldValues() {}

  /**
   * The normalized value, null for null.
   *
   * @throws IllegalArgumentException if the value cannot be a value of that type
   */
  public static Object normalize(GoldType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case NUMERIC -> number(value).setScale(GoldType.SCALE, RoundingMode.HALF_UP);
      case TIMESTAMPTZ -> instant(value);
      case BOOLEAN -> bool(value);
      case TEXT -> value instanceof UUID u ? u.toString() : value.toString();
    };
  }

  private static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("not a finite number: " + v);
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    try {
      return new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + v, e);
    }
  }

  private static Instant instant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    try {
      return OffsetDateTime.parse(v.toString().strip()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not an instant with an offset: " + v, e);
    }
  }

  private static Boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().strip()) {
      case "true", "t" -> true;
      case "false", "f" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + v);
    };
  }
}
