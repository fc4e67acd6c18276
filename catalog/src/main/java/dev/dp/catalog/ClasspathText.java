package dev.dp.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads text resources (SQL, properties) that dp's jars ship. */
public final class ClasspathText {

  private ClasspathText() {}

  /**
   * The UTF-8 text of an absolute classpath resource such as {@code /gold/postgres-ddl.sql}.
   *
   * @throws IllegalStateException if no jar on the classpath holds it
   */
  public static String read(String resource) {
    try (InputStream in = ClasspathText.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
