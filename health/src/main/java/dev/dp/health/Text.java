package dev.dp.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/** How the checks write figures for people: durations, ages, sizes, rates, short lists. */
public final class Text {

  private static final int LIST_LIMIT = 5;

  private Text() {}

  /** {@code 42s}, {@code 3m05s}, {@code 2h10m}. */
  public static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  /** {@code 42s ago}; {@code never} for null. */
  public static String ago(Instant then, Instant now) {
    return then == null ? "never" : duration(Duration.between(then, now)) + " ago";
  }

  /** Whole seconds between {@code then} and {@code now}, or null when {@code then} is. */
  public static Long ageSeconds(Instant then, Instant now) {
    return then == null ? null : Math.max(0, Duration.between(then, now).toSeconds());
  }

  /** {@code 612 KB}, {@code 1.5 GB}. */
  public static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return v >= 100
        ? String.format(Locale.ROOT, "%.0f %s", v, units[u])
        : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** {@code 2.0 s}. */
  public static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** {@code count} per second over {@code window}, e.g. {@code 19.5/s}. */
  public static String rate(long count, Duration window) {
    if (window.isZero()) {
      return "?/s";
    }
    return String.format(Locale.ROOT, "%.1f/s", count * 1000.0 / window.toMillis());
  }

  /**
   * What went wrong, in one line that is never empty: the message of the innermost meaningful cause
   * (wrappers such as {@code ExecutionException} are unwrapped), with the exception's name unless
   * it is an SQL error (PostgreSQL's messages say enough).
   */
  public static String error(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.ExecutionException
            || t instanceof java.util.concurrent.CompletionException
            || t instanceof java.io.UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String name = t.getClass().getSimpleName();
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      Throwable c = t.getCause();
      while (c != null && (c.getMessage() == null || c.getMessage().isBlank())) {
        c = c.getCause();
      }
      if (c != null) {
        return name + ": " + c.getMessage();
      }
      return t instanceof java.net.ConnectException ? "connection refused" : name;
    }
    return t instanceof java.sql.SQLException ? message : name + ": " + message;
  }

  /** The first few items, then {@code … (+n more)}. */
  public static String list(Collection<String> items) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String item : items) {
      if (i == LIST_LIMIT) {
        sb.append(", … (+").append(items.size() - LIST_LIMIT).append(" more)");
        break;
      }
      sb.append(i == 0 ? "" : ", ").append(item);
      i++;
    }
    return sb.toString();
  }
}
