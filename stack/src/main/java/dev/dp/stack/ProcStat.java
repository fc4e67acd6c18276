package dev.dp.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's start time in clock ticks since boot, from field 22 of Linux's {@code
 * /proc/<pid>/stat}. Unlike a wall-clock start instant, it does not move when the system clock is
 * stepped (NTP, a resumed VM), so it identifies a process across JVMs that computed the boot time
 * at different moments.
 */
final class ProcStat {

  /** Field 22 ({@code starttime}), counted from field 3, the first one after the command name. */
  private static final int START_TIME_INDEX_AFTER_COMMAND = 22 - 3;

  private ProcStat() {}

  /** The start time of {@code pid} in clock ticks since boot; empty where /proc is not readable. */
  static OptionalLong startTicks(long pid) {
    try {
      return parseStartTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Parses a {@code /proc/<pid>/stat} line. The command name sits in parentheses and may itself
   * hold spaces or parentheses, so the fields are counted from its last closing parenthesis.
   */
  static OptionalLong parseStartTicks(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return OptionalLong.empty();
    }
    String[] fields = stat.substring(end + 1).trim().split("\\s+");
    if (fields.length <= START_TIME_INDEX_AFTER_COMMAND) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fields[START_TIME_INDEX_AFTER_COMMAND]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
