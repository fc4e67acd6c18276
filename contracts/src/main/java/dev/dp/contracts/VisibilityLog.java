package dev.dp.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only JSON-lines file of a job's {@link Visibility} records, bounded in size: when it
 * passes {@link #ROTATE_BYTES} it becomes {@code <file>.1} (replacing the older one) and a new file
 * starts, so readers see at least the last {@code ROTATE_BYTES} of history.
 */
public final class VisibilityLog {

  /** Size after which the log rotates. */
  public static final long ROTATE_BYTES = 16L << 20;

  private final Path file;

  public VisibilityLog(Path file) {
    this.file = file;
  }

  /** The log of a job container in {@code runDir} ({@code DP_HOME/run}). */
  public static VisibilityLog of(Path runDir, String container) {
    return new VisibilityLog(runDir.resolve(container + ".visibility.jsonl"));
  }

  public Path file() {
    return file;
  }

  /** Appends one record (one line, flushed before returning). */
  public synchronized void append(Visibility record) {
    try {
      Files.createDirectories(file.getParent());
      if (Files.isRegularFile(file) && Files.size(file) > ROTATE_BYTES) {
        Files.move(file, rotated(), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          file,
          Json.line(record) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  /**
   * Every record still kept, oldest first; a torn last line (a writer killed mid-write) is skipped.
   */
  public List<Visibility> read() {
    List<Visibility> records = new ArrayList<>();
    for (Path p : List.of(rotated(), file)) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      List<String> lines;
      try {
        lines = Files.readAllLines(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        try {
          records.add(Json.read(line, Visibility.class));
        } catch (UncheckedIOException torn) {
          // only the last line can be partial; anything else is worth knowing about
          if (line != lines.get(lines.size() - 1)) {
            throw torn;
          }
        }
      }
    }
    return records;
  }

  private Path rotated() {
    return file.resolveSibling(file.getFileName() + ".1");
  }
}
