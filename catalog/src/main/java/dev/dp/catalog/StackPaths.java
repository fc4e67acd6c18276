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

  /** The exit status of a service's last process, written by the process wrapper when it ends. */
  public Path exitFile(ServiceSpec spec) {
    return home.resolve("run").resolve(spec.container() + ".exit");
  }

  /** The watchdog's restart history of a service ({@code dp status} shows it). */
  public Path restartsFile(ServiceSpec spec) {
    return home.resolve("run").resolve(spec.container() + ".restarts.json");
  }

  /** The command-line settings a service was last started with (the watchdog restarts it so). */
  public Path startSettingsFile(ServiceSpec spec) {
    return home.resolve("run").resolve(spec.container() + ".start-settings.json");
  }

  /** The lock held while a service is started, stopped or restarted. */
  public Path lockFile(ServiceSpec spec) {
    return home.resolve("run").resolve(spec.container() + ".lock");
  }

  /** The pid file of the watchdog, the process that restarts services that died. */
  public Path watchdogPidFile() {
    return home.resolve("run").resolve("dp_watchdog.pid");
  }

  /** The log of the watchdog. */
  public Path watchdogLog() {
    return home.resolve("logs").resolve("dp_watchdog.log");
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
