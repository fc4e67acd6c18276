package dev.dp.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates the local twin's credentials on first start and keeps them in {@code
 * DP_HOME/dp.properties} (mode 600), so nothing secret is in the code or the repository.
 */
public final class LocalSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalSecrets() {}

  /**
   * Returns a configuration in which every secret setting has a value, generating and persisting
   * the missing ones.
   */
  public static DpConfig ensure(DpConfig config) {
    DpConfig result = config;
    for (Setting<?> s : DpSettings.ALL) {
      if (s.secret() && !result.has(s)) {
        String value = generate();
        append(result.paths().home().resolve(DpConfig.PROPERTIES_FILE), s.key(), value);
        result = result.with(s.key(), value);
      }
    }
    return result;
  }

  private static String generate() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void append(Path file, String key, String value) {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, "# dp local settings; generated credentials of the local twin\n");
      }
      Files.writeString(
          file, key + "=" + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
