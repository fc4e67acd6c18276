package dev.dp.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of a process tree, read from {@code /proc}. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /**
   * The summed VmRSS of the process and its descendants in bytes (shared pages count once per
   * process, so PostgreSQL's shared buffers are over-counted), or -1 when unknown.
   */
  public static long rssBytes(ProcessHandle root) {
    long total = rss(root.pid());
    if (total < 0) {
      return -1;
    }
    try (Stream<ProcessHandle> d = root.descendants()) {
      total += d.mapToLong(h -> Math.max(0, rss(h.pid()))).sum();
    }
    return total;
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.trim().split("\\s+");
          return Long.parseLong(parts[1]) * 1024;
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
