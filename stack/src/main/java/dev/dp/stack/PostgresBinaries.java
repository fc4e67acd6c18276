package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the PostgreSQL binaries ({@code initdb}, {@code postgres}, {@code psql}). */
public final class PostgresBinaries {

  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

  private PostgresBinaries() {}

  /**
   * The configured bin directory, or the newest Debian one.
   *
   * @throws ServiceStartException saying how to install PostgreSQL when none is found
   */
  public static Path locate(DpConfig config, String service) {
    String configured = config.get(DpSettings.POSTGRES_BIN);
    Optional<Path> bin =
        configured.equals("auto") ? newestDebian() : Optional.of(Path.of(configured));
    if (bin.isEmpty() || !Files.isExecutable(bin.get().resolve("postgres"))) {
      throw new ServiceStartException(
          service,
          "PostgreSQL server binaries not found"
              + bin.map(b -> " in " + b).orElse(" under " + DEBIAN_ROOT + "/*/bin")
              + "; install them with 'apt-get install postgresql-15' (./dp does on first run as"
              + " root) or set DP_POSTGRES_BIN");
    }
    return bin.get();
  }

  private static Optional<Path> newestDebian() {
    if (!Files.isDirectory(DEBIAN_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
      return versions
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
          .map(p -> p.resolve("bin"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
