package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stops services: the signal recorded at start, then SIGKILL of the process tree after the stop
 * timeout; the pid file is removed once the process is gone.
 */
final class Stopper {

  private final DpConfig config;
  private final Consumer<String> out;

  Stopper(DpConfig config, Consumer<String> out) {
    this.config = config;
    this.out = out;
  }

  /** The order {@link #stopAll} stops services in: dependents before their dependencies. */
  List<ServiceSpec> stopOrder() {
    return new ServiceGraph(config.catalog()).stopOrder();
  }

  /** Stops every local service that runs, in {@link #stopOrder()}. */
  void stopAll() {
    stopOrder().forEach(this::stop);
  }

  /** Stops one service gracefully (SIGKILL after the stop timeout). */
  void stop(ServiceSpec spec) {
    ServiceLock.holding(paths(), spec, () -> stopHoldingLock(spec));
  }

  private void stopHoldingLock(ServiceSpec spec) {
    RestartHistory h = RestartHistory.read(paths(), spec);
    if (h.state() == RestartHistory.Watch.BACKING_OFF
        || h.state() == RestartHistory.Watch.CRASH_LOOP) {
      h.stopped().write(paths(), spec);
    }
    Optional<ProcessHandle> live = PidFile.liveProcess(paths().pidFile(spec));
    if (live.isPresent()) {
      boolean graceful = stopProcess(spec, live.get(), false);
      out.accept(spec.service() + ": stopped" + (graceful ? "" : " (killed after timeout)"));
    }
    deletePidFile(spec);
  }

  /** Kills a service with SIGKILL, leaving its pid file: a crash, as chaos tests need it. */
  void kill(ServiceSpec spec, boolean tree) {
    PidFile.liveProcess(paths().pidFile(spec)).ifPresent(h -> Termination.kill(h, tree));
  }

  /** Kills a service that failed to start and forgets its pid. */
  void abandon(ServiceSpec spec, ProcessHandle h) {
    stopProcess(spec, h, true);
    deletePidFile(spec);
  }

  /**
   * Stops {@code h}: with its stop signal first unless {@code force}, then SIGKILL of it and its
   * descendants.
   *
   * @return whether it stopped on the signal (false when it was killed)
   */
  private boolean stopProcess(ServiceSpec spec, ProcessHandle h, boolean force) {
    if (force) {
      Termination.kill(h, true);
      return false;
    }
    signal(h.pid(), stopSignalOf(spec));
    return Termination.awaitExitElseKill(
        h, Duration.ofSeconds(config.get(DpSettings.STOP_TIMEOUT_SECONDS)), true);
  }

  private StopSignal stopSignalOf(ServiceSpec spec) {
    Path f = paths().stopSignalFile(spec);
    try {
      return Files.isRegularFile(f)
          ? StopSignal.valueOf(Files.readString(f).trim())
          : StopSignal.TERM;
    } catch (IOException | IllegalArgumentException e) {
      return StopSignal.TERM;
    }
  }

  private static void signal(long pid, StopSignal signal) {
    try {
      new ProcessBuilder("kill", "-s", signal.name(), Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deletePidFile(ServiceSpec spec) {
    try {
      Files.deleteIfExists(paths().pidFile(spec));
      Files.deleteIfExists(paths().stopSignalFile(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StackPaths paths() {
    return config.paths();
  }
}
