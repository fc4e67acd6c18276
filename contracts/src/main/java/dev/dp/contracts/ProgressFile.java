package dev.dp.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The small JSON file a long-running dp job keeps in {@code DP_HOME/run} to say how far it is.
 * Replaced atomically (written beside, then renamed), so a reader never sees half a document.
 */
public final class ProgressFile {

  private ProgressFile() {}

  /** Replaces {@code file} with {@code record} as JSON. */
  public static void write(Path file, Object record) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Json.pretty(record));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The record in {@code file}, or empty when the job has not written one yet. */
  public static <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(Files.readString(file), type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
