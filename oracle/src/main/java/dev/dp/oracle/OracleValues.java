package dev.dp.oracle;

import dev.dp.process.GoldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Set;

/**
 * How {@code dp verify} brings the oracle's and gold's values of a column into one comparable form,
 * written apart from the process job's own normaliser so that a mistake there shows up as a
 * difference here instead of being repeated: numbers become {@link BigDecimal} at {@value #SCALE}
 * places rounded half up, instants {@link Instant}, booleans {@link Boolean}, everything in a text
 * column its {@code toString()}. Typed values (JDBC) and text are accepted.
 *
 * <p>A number that is not finite ({@code NaN}, an infinity, as a double or in PostgreSQL's
 * spelling) stays a {@link Double}: it equals only the same non-finite value, so a NaN on one side
 * is reported as a difference, not thrown.
 */
final class OracleValues {

  /** Decimal places numbers are compared at: gold's {@code numeric(19,4)}. */
  static final int SCALE = 4;

  private static final Set<String> TRUE = Set.of("true", "t");
  private static final Set<String> FALSE = Set.of("false", "f");

  private OracleValues() {}

  /**
   * The comparable form of {@code value} in a column of {@code type}; null stays null.
   *
   * @throws IllegalArgumentException when the value cannot be one of that type
   */
  static Object normalize(GoldType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case NUMERIC -> number(value);
      case TIMESTAMPTZ -> instant(value);
      case BOOLEAN -> bool(value);
      case TEXT -> value.toString();
    };
  }

  private static Object number(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return d;
      }
      // Its decimal text, not its binary expansion: 0.56745d rounds to 0.5675 as written.
      return scaled(new BigDecimal(value.toString()));
    }
    if (value instanceof BigDecimal d) {
      return scaled(d);
    }
    if (value instanceof BigInteger i) {
      return scaled(new BigDecimal(i));
    }
    String text = value.toString().strip();
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return scaled(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + value, e);
    }
  }

  private static BigDecimal scaled(BigDecimal d) {
    return d.setScale(SCALE, RoundingMode.HALF_UP);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant(); // keeps the nanoseconds
    }
    if (value instanceof Date d && !(value instanceof java.sql.Date)) {
      return Instant.ofEpochMilli(d.getTime());
    }
    try {
      // Instant, OffsetDateTime, ZonedDateTime, or ISO text with an offset: anything that fixes
      // a point on the time line. A local date-time does not, and is refused.
      TemporalAccessor t =
          value instanceof TemporalAccessor typed
              ? typed
              : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.toString().strip());
      return Instant.from(t);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not an instant with an offset: " + value + " (" + value.getClass().getName() + ")", e);
    }
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().strip();
    if (TRUE.contains(text)) {
      return Boolean.TRUE;
    }
    if (FALSE.contains(text)) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean: " + value);
  }
}
