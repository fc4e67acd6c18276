package dev.dp.stack;

import dev.dp.catalog.ClasspathText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions of the stack's services that code has to name, taken from the parent POM: the build
 * filters them into the resource {@value #RESOURCE}.
 */
final class StackVersions {

  static final String RESOURCE = "/dev/dp/stack/versions.properties";

  /** The Hive version of the metastore server ({@code runtime/hms}) and client jars. */
  static final String HIVE = get("hive.version");

  private StackVersions() {}

  /**
   * The version named {@code key} in the parent POM.
   *
   * @throws IllegalStateException if the resource lacks it or was not filtered by the build
   */
  static String get(String key) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(ClasspathText.read(RESOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String value = p.getProperty(key);
    if (value == null || value.isBlank() || value.contains("${")) {
      throw new IllegalStateException(
          RESOURCE + " has no filtered " + key + " (" + value + "): build dp with Maven");
    }
    return value.trim();
  }
}
