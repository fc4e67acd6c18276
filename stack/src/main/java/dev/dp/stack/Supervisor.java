package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts, stops and reports the local twin's services as detached OS processes. State lives on disk
 * ({@code run/*.pid}), so every {@code dp} invocation sees the same stack. The work is done by
 * parts that each do one thing: {@link StartPlan} (what starts in which wave), {@link
 * ServiceStarter} and {@link Spawner} (one service's start), {@link Stopper} (stop order and
 * stopping), {@link StatusRows} ({@code dp status}).
 */
public final class Supervisor {

  private final DpConfig config;
  private final ServiceStarter starter;
  private final Stopper stopper;
  private final Consumer<String> out;
  private final Launchers launchers;

  /** A supervisor of the services in {@code config}'s catalog. */
  public Supervisor(DpConfig config, Launchers launchers, Consumer<String> out) {
    this.config = config;
    this.stopper = new Stopper(config, out);
    this.starter = new ServiceStarter(config, launchers, new Spawner(config.paths()), stopper, out);
    this.out = out;
    this.launchers = launchers;
  }

  /**
   * Starts the given services (all local services when empty) and what they depend on, in
   * dependency order, each waited for until ready. Running services are only checked.
   *
   * @throws ServiceStartException for the first service that cannot start; services started before
   *     it keep running and {@code dp down} stops them
   */
  public void up(List<String> services) {
    for (List<ServiceSpec> wave : StartPlan.of(config.catalog(), services).waves()) {
      WaveExecutor.startAll(wave, starter::start);
    }
    WatchdogProcess.ensureRunning(config, out);
  }

  /**
   * Runs the watchdog in this thread until it is interrupted or the JVM stops: services that die
   * are restarted (see {@link Watchdog}).
   */
  public void watch() {
    new Watchdog(
            config,
            c -> new ServiceStarter(c, launchers, new Spawner(c.paths()), new Stopper(c, out), out),
            out,
            Clock.systemUTC())
        .run();
  }

  /** The running watchdog, if any. */
  public Optional<ProcessHandle> watchdog() {
    return WatchdogProcess.running(config.paths());
  }

  /**
   * Stops every service that has a pid file, dependents first: graceful signal, then SIGKILL after
   * the stop timeout. Volumes are kept unless {@code deleteVolumes}.
   */
  public void down(boolean deleteVolumes) {
    WatchdogProcess.stop(config, out);
    stopper.stopAll();
    if (deleteVolumes) {
      Path home = config.paths().home();
      FileTrees.deleteTree(home.resolve("volumes"));
      FileTrees.deleteTree(home.resolve("conf"));
      config.catalog().services().forEach(this::forgetHistory);
      out.accept("deleted volumes and generated configuration under " + home);
    }
  }

  private void forgetHistory(ServiceSpec spec) {
    try {
      Files.deleteIfExists(config.paths().restartsFile(spec));
      Files.deleteIfExists(config.paths().exitFile(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops one service gracefully (SIGKILL after the stop timeout). */
  public void stop(ServiceSpec spec) {
    stopper.stop(spec);
  }

  /** Kills a service with SIGKILL, leaving its pid file: a crash, as chaos tests need it. */
  public void kill(ServiceSpec spec) {
    stopper.kill(spec, false);
  }

  /**
   * Kills a service with SIGKILL, with its descendants when {@code tree} (a Spark worker with its
   * executors), leaving its pid file: a crash.
   */
  public void kill(ServiceSpec spec, boolean tree) {
    stopper.kill(spec, tree);
  }

  /** The live process of a service, if its pid file names one. */
  public Optional<ProcessHandle> liveProcess(ServiceSpec spec) {
    return PidFile.liveProcess(config.paths().pidFile(spec));
  }

  /** The state of all 21 catalog services. */
  public List<ServiceStatus> status() {
    return new StatusRows(config).all();
  }
}
