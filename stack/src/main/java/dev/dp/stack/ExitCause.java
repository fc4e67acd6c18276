package dev.dp.stack;

import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a service's last process ended: its exit code (written by the wrapper {@link Spawner} runs
 * every service under) and whether its log shows it ran out of memory.
 *
 * @param code the exit code as a shell reports it (128 + N for signal N), or null when none was
 *     recorded (the wrapper itself was killed)
 * @param at when it ended, or null
 * @param outOfMemory whether the log since the last start mentions an {@code OutOfMemoryError}
 */
public record ExitCause(Integer code, Instant at, boolean outOfMemory) {

  private static final int LOG_LINES_SCANNED = 400;
  private static final Map<Integer, String> SIGNALS =
      Map.of(1, "HUP", 2, "INT", 3, "QUIT", 4, "ILL", 6, "ABRT", 9, "KILL", 11, "SEGV", 15, "TERM");

  /** The cause recorded for {@code spec}'s last process. */
  static ExitCause of(StackPaths paths, ServiceSpec spec) {
    return parse(
        readQuietly(paths.exitFile(spec)), LogFiles.tail(paths.log(spec), LOG_LINES_SCANNED));
  }

  /**
   * The cause from the wrapper's exit file text ({@code "<code> <epoch millis>"}, possibly empty)
   * and the last lines of the service's log.
   */
  static ExitCause parse(String exitFileText, List<String> logTail) {
    Integer code = null;
    Instant at = null;
    String[] parts = exitFileText == null ? new String[0] : exitFileText.trim().split("\\s+");
    try {
      if (parts.length >= 1 && !parts[0].isEmpty()) {
        code = Integer.parseInt(parts[0]);
      }
      if (parts.length >= 2) {
        at = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      }
    } catch (NumberFormatException e) {
      code = null;
    }
    return new ExitCause(code, at, sinceLastStart(logTail).stream().anyMatch(ExitCause::isOom));
  }

  /** Whether the process ended normally with code 0 (a bounded job that finished). */
  public boolean succeeded() {
    return code != null && code == 0 && !outOfMemory;
  }

  /** The signal that killed it, or 0. */
  public int signal() {
    return code != null && code > 128 && code <= 128 + 64 ? code - 128 : 0;
  }

  /** For people: "killed by signal 9 (KILL)", "exit code 1, OutOfMemoryError in its log". */
  public String describe() {
    String base;
    if (code == null) {
      base = "no exit status recorded";
    } else if (signal() > 0) {
      base = "killed by signal " + signal() + " (" + SIGNALS.getOrDefault(signal(), "?") + ")";
    } else {
      base = "exit code " + code;
    }
    return outOfMemory ? base + ", OutOfMemoryError in its log" : base;
  }

  /**
   * A JVM's report of an OutOfMemoryError (not the -XX:+ExitOnOutOfMemoryError flag in a command).
   */
  private static boolean isOom(String line) {
    return !line.startsWith(Spawner.START_MARKER) && line.contains("java.lang.OutOfMemoryError");
  }

  private static List<String> sinceLastStart(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(Spawner.START_MARKER)) {
        return lines.subList(i, lines.size());
      }
    }
    return lines;
  }

  private static String readQuietly(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
