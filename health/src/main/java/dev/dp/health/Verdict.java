package dev.dp.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check concluded: a status, a detail a person reads, the next thing to look at (empty when
 * there is nothing to do) and the evidence behind it (figures a script can read).
 *
 * @param status the outcome
 * @param detail what was seen, in words
 * @param next the next command or file to look at, or empty
 * @param evidence named figures (numbers, strings, lists, maps), in insertion order
 */
public record Verdict(Status status, String detail, String next, Map<String, Object> evidence) {

  public Verdict {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    next = next == null ? "" : next;
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  /** Healthy. */
  public static Verdict pass(String detail) {
    return new Verdict(Status.PASS, detail, "", Map.of());
  }

  /** Works, but look at {@code next}. */
  public static Verdict warn(String detail, String next) {
    return new Verdict(Status.WARN, detail, next, Map.of());
  }

  /** Broken; {@code next} says where to look. */
  public static Verdict fail(String detail, String next) {
    return new Verdict(Status.FAIL, detail, next, Map.of());
  }

  /** Not checked, because of {@code reason}. */
  public static Verdict skip(String reason) {
    return new Verdict(Status.SKIP, reason, "", Map.of());
  }

  /** A copy with one more piece of evidence (null values are left out). */
  public Verdict with(String key, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, Object> e = new LinkedHashMap<>(evidence);
    e.put(key, value);
    return new Verdict(status, detail, next, e);
  }

  /** A copy with all of {@code more} added to the evidence. */
  public Verdict withAll(Map<String, ?> more) {
    Map<String, Object> e = new LinkedHashMap<>(evidence);
    more.forEach(
        (k, v) -> {
          if (v != null) {
            e.put(k, v);
          }
        });
    return new Verdict(status, detail, next, e);
  }
}
