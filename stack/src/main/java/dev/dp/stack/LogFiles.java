package dev.dp.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the end of service logs without loading whole files. */
public final class LogFiles {

  private static final int TAIL_BYTES = 64 * 1024;

  private LogFiles() {}

  /** The last {@code n} lines of a log; empty when it does not exist. */
  public static List<String> tail(Path log, int n) {
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, f.length() - TAIL_BYTES);
      f.seek(start);
      byte[] buf = new byte[(int) (f.length() - start)];
      f.readFully(buf);
      List<String> lines =
          new ArrayList<>(Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\n")));
      if (start > 0 && !lines.isEmpty()) {
        lines.remove(0); // partial first line
      }
      lines.removeIf(String::isBlank);
      return lines.subList(Math.max(0, lines.size() - n), lines.size());
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }

  /**
   * The last {@code n} lines of a log written since the service's last start (the line {@code dp}
   * writes before spawning it); the whole tail when the start is further back.
   */
  public static List<String> tailOfLastRun(Path log, int n) {
    List<String> lines = tail(log, n);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(Spawner.START_MARKER)) {
        return lines.subList(i, lines.size());
      }
    }
    return lines;
  }
}
