package dev.dp.catalog;

import java.util.List;

/** Invalid configuration: carries every problem found, so a user fixes them all in one go. */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming the setting, its source and what a valid value is. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    StringBuilder sb =
        new StringBuilder("invalid dp configuration (" + problems.size() + " problem");
    sb.append(problems.size() == 1 ? ")" : "s)").append(':');
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
