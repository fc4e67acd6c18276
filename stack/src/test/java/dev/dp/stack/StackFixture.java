package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import java.nio.file.Path;
import java.util.Map;

/** The configuration of a stack that is never started, for tests that start no process. */
final class StackFixture {

  static final ServiceCatalog CATALOG = ServiceCatalog.standard();

  private StackFixture() {}

  /** A stack under {@code checkout/.dp} with the given environment. */
  static DpConfig config(Path checkout, Map<String, String> env) {
    return DpConfig.load(CATALOG, checkout, env, Map.of());
  }
}
