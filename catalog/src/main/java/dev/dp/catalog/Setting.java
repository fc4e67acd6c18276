package dev.dp.catalog;

import java.util.Objects;
import java.util.function.Function;

/**
 * One declared dp setting: its property key (in {@code dp.properties} and {@code -D}), its
 * environment variable, default, documentation and parser. A parser throws {@link
 * IllegalArgumentException} with a message that says what a valid value looks like.
 *
 * @param key property key, e.g. {@code dp.port.offset}
 * @param env environment variable, e.g. {@code DP_PORT_OFFSET}
 * @param defaultValue default as text; {@code null} when there is none (for secrets: generated)
 * @param doc one line a user reads in {@code dp config}
 * @param secret whether the value must never be printed
 * @param parser turns the text into a value or explains why it cannot
 * @param <T> value type
 */
public record Setting<T>(
    String key,
    String env,
    String defaultValue,
    String doc,
    boolean secret,
    Function<String, T> parser) {

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(parser, "parser");
  }

  /** A text setting. */
  public static Setting<String> text(String key, String env, String def, String doc) {
    return new Setting<>(key, env, def, doc, false, Setting::nonBlank);
  }

  /** A secret text setting without a default; the local twin generates it on first start. */
  public static Setting<String> secret(String key, String env, String doc) {
    return new Setting<>(key, env, null, doc, true, Setting::nonBlank);
  }

  /** An integer setting within [min, max]. */
  public static Setting<Integer> integer(
      String key, String env, int def, int min, int max, String doc) {
    return new Setting<>(
        key,
        env,
        Integer.toString(def),
        doc,
        false,
        text -> {
          int value;
          try {
            value = Integer.parseInt(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException(
                value + " is outside the allowed range " + min + ".." + max);
          }
          return value;
        });
  }

  /** A JVM heap size such as {@code 512m} or {@code 1g}. */
  public static Setting<String> heap(String key, String env, String def, String doc) {
    return new Setting<>(
        key,
        env,
        def,
        doc,
        false,
        text -> {
          if (!text.trim().matches("[1-9][0-9]*[mMgG]")) {
            throw new IllegalArgumentException("'" + text + "' is not a heap size like 256m or 1g");
          }
          return text.trim();
        });
  }

  private static String nonBlank(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return text.trim();
  }
}
