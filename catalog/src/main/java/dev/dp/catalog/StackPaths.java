package dev.dp.catalog;

import java.nio.file.Path;

/**
 * The on-disk layout of a stack: {@code volumes/<volume>}, {@code logs/<container>.log}, {@code
 * run/<container>.pid}, {@code conf/<container>/}; plus where the checkout's runtimes are.
 *
 * @param checkout the dp checkout
 * @param home {@code DP_HOME}
 */
public record StackPaths(Path checkout, Path home) {

  /** The directory of a named volume. */
  public Path volume(String name) {
    return home.resolve("volumes").resolve(name);
  }

  /** The log file of a service. */
  public Path log(ServiceSpec spec) {
    return home.resolve("logs").resolve(spec.logFileName());
  }

  /** The pid file of a service. */
  public Path pidFile(ServiceSpec spec) {
    return home.resolve("run").resolve(spec.container() + ".pid");
  }

  /** The signal that stops a service gracefully, recorded when it is started. */
  public Path stopSignalFile(ServiceSpec spec) {
    return home.resolve("run").resolve(spec.container() + ".signal");
  }

  /** Generated configuration files of a service. */
  public Path conf(ServiceSpec spec) {
    return home.resolve("conf").resolve(spec.container());
  }

  /** A module directory of the checkout, e.g. {@code runtime/kafka}. */
  public Path module(String relative) {
    return checkout.resolve(relative);
  }
}
