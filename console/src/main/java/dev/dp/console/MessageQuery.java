package dev.dp.console;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What the messages page asks for: a topic, where to start, how many, and an optional search.
 *
 * @param topic the topic
 * @param partition one partition, or -1 for all
 * @param from where to start reading
 * @param offset the first offset when {@code from} is {@link From#OFFSET}
 * @param timestamp the first message time when {@code from} is {@link From#TIMESTAMP}
 * @param limit most messages returned
 * @param search text the key or value must contain (case-insensitive), or empty
 */
public record MessageQuery(
    String topic,
    int partition,
    From from,
    long offset,
    Instant timestamp,
    int limit,
    String search) {

  /** Most messages one page returns. */
  public static final int MAX_LIMIT = 200;

  /** Where reading starts. */
  public enum From {
    /** The newest messages, newest first. */
    NEWEST,
    /** From an offset on, oldest first. */
    OFFSET,
    /** From the first message at or after a time, oldest first. */
    TIMESTAMP
  }

  /**
   * A query from the page's parameters (null when absent).
   *
   * @throws IllegalArgumentException saying which parameter is wrong
   */
  public static MessageQuery of(
      String topic,
      String partition,
      String from,
      String offset,
      String timestamp,
      String limit,
      String search) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic is required");
    }
    From f;
    try {
      f =
          from == null || from.isBlank()
              ? From.NEWEST
              : From.valueOf(from.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("from must be newest, offset or timestamp, not " + from);
    }
    long o = f == From.OFFSET ? number("offset", offset, 0) : 0;
    Instant t = f == From.TIMESTAMP ? instant(timestamp) : null;
    int l = (int) Math.min(MAX_LIMIT, Math.max(1, number("limit", limit, 50)));
    int p = (int) number("partition", partition, -1);
    return new MessageQuery(topic, p, f, o, t, l, search == null ? "" : search.trim());
  }

  /** Whether a message's key or value text matches the search. */
  public boolean matches(String key, String value) {
    if (search.isEmpty()) {
      return true;
    }
    String s = search.toLowerCase(Locale.ROOT);
    return (key != null && key.toLowerCase(Locale.ROOT).contains(s))
        || (value != null && value.toLowerCase(Locale.ROOT).contains(s));
  }

  private static long number(String name, String text, long def) {
    if (text == null || text.isBlank()) {
      return def;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not " + text);
    }
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("timestamp is required when from=timestamp");
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(text.trim()));
    } catch (NumberFormatException notMillis) {
      try {
        return Instant.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "timestamp must be epoch milliseconds or ISO-8601 like 2026-12-01T10:00:00Z, not "
                + text);
      }
    }
  }
}
