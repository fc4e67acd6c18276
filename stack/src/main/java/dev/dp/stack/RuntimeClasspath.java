package dev.dp.stack;

import dev.dp.catalog.StackPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Classpaths of the service runtimes, written by the build to {@code <module>/target/classpath.txt}
 * (jars stay in the local Maven repository).
 */
public final class RuntimeClasspath {

  private RuntimeClasspath() {}

  /**
   * The classpath of a module, e.g. {@code runtime/kafka}, with the module's own classes first when
   * it has any.
   *
   * @throws ServiceStartException naming the module when it has not been built
   */
  public static String of(StackPaths paths, String service, String module) {
    Path file = paths.module(module).resolve("target/classpath.txt");
    if (!Files.isRegularFile(file)) {
      throw new ServiceStartException(
          service,
          "its runtime "
              + module
              + " is not built ("
              + file
              + " is missing): run ./dp (which builds what is missing) or mvn -DskipTests"
              + " install");
    }
    try {
      String cp = Files.readString(file).trim();
      Path classes = paths.module(module).resolve("target/classes");
      return Files.isDirectory(classes) ? classes + ":" + cp : cp;
    } catch (IOException e) {
      throw new ServiceStartException(service, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The {@code java} binary of the running JVM, used for every service JVM. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
