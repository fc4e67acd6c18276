package dev.dp.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small JSON file a long-running dp job keeps in {@code DP_HOME/run} to say how far it is.
 * Replaced atomically (write beside, then rename), so a reader such as {@code dp status} never sees
 * half a document.
 */
public final class ProgressFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressFile() {}

  /** Replaces {@code file} with {@code document}. */
  public static void write(Path file, JsonNode document) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
