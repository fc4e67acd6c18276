package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restarts services that died, the way a container restart policy does: a service whose pid file
 * names a process that is gone is restarted through the same {@link ServiceStarter} as {@code dp
 * up} (so it is waited for until ready), after a backoff that doubles with each recent death. A
 * service that dies more than {@code dp.watchdog.max-restarts} times within the window is a crash
 * loop: it is left down, with its last log lines recorded, until {@code dp up} starts it. A bounded
 * job that ended with code 0 is finished, not dead. Services stopped with {@code dp down} have no
 * pid file and are left alone; whoever starts or stops a service holds its {@link ServiceLock},
 * which the watchdog only tries.
 */
final class Watchdog {

  private static final int CRASH_LOOP_LOG_LINES = 30;

  private final DpConfig config;
  private final java.util.function.Function<DpConfig, ServiceStarter> starters;
  private final Consumer<String> out;
  private final Clock clock;

  /**
   * A watchdog of {@code config}'s stack.
   *
   * @param starters the starter for a service's own configuration (the one it was started with)
   */
  Watchdog(
      DpConfig config,
      java.util.function.Function<DpConfig, ServiceStarter> starters,
      Consumer<String> out,
      Clock clock) {
    this.config = config;
    this.starters = starters;
    this.out = out;
    this.clock = clock;
  }

  /** One look at every local service, in start order (dependencies before dependents). */
  void checkAll() {
    for (ServiceSpec spec : new ServiceGraph(config.catalog()).localStartOrder()) {
      ServiceLock.ifFree(paths(), spec, () -> check(spec));
    }
  }

  /** Looks every {@code dp.watchdog.poll-millis} until the thread is interrupted. */
  void run() {
    Duration poll = Duration.ofMillis(config.get(DpSettings.WATCHDOG_POLL_MILLIS));
    out.accept("watchdog: watching " + config.paths().home() + " every " + poll.toMillis() + " ms");
    while (!Thread.currentThread().isInterrupted()) {
      try {
        checkAll();
      } catch (RuntimeException e) {
        out.accept("watchdog: a check failed, trying again next round: " + e);
      }
      try {
        Thread.sleep(poll.toMillis()); // the poll period of a watcher, not an orchestration wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void check(ServiceSpec spec) {
    Optional<PidFile> pf = PidFile.read(paths().pidFile(spec));
    RestartHistory h = RestartHistory.read(paths(), spec);
    boolean wanted = pf.isPresent() || h.state() == RestartHistory.Watch.BACKING_OFF;
    if (!wanted || pf.flatMap(PidFile::live).isPresent()) {
      return;
    }
    Instant now = clock.instant();
    long pid = pf.map(PidFile::pid).orElse(h.lastDeadPid());
    if (pid != h.lastDeadPid() || h.state() == RestartHistory.Watch.WATCHING) {
      h = recordDeath(spec, h, pid, now);
    }
    if (h.state() != RestartHistory.Watch.BACKING_OFF || now.isBefore(h.nextAttemptAt())) {
      return;
    }
    Optional<String> down = dependencyDown(spec);
    if (down.isPresent()) {
      return; // restarted after it (start order), or it is stopped on purpose
    }
    out.accept("watchdog: restarting " + spec.service());
    try {
      starters.apply(StartSettings.of(config, spec)).start(spec);
      h = RestartHistory.read(paths(), spec).started(true);
      h.write(paths(), spec);
      out.accept(
          "watchdog: " + spec.service() + " restarted (" + h.restarts() + " restart(s) so far)");
    } catch (ServiceStartException e) {
      out.accept("watchdog: restarting " + spec.service() + " failed: " + e.getMessage());
      if (PidFile.read(paths().pidFile(spec)).isEmpty()) {
        // nothing left for the next round to see dead: count this failed start as the death
        recordDeath(spec, RestartHistory.read(paths(), spec), -now.toEpochMilli(), clock.instant());
      }
    }
  }

  /** Records a death and decides: finished, crash loop, or a restart after the backoff. */
  private RestartHistory recordDeath(ServiceSpec spec, RestartHistory h, long pid, Instant now) {
    ExitCause cause = ExitCause.of(paths(), spec);
    Duration window = Duration.ofSeconds(config.get(DpSettings.WATCHDOG_WINDOW_SECONDS));
    RestartHistory dead = h.died(pid, cause, now, window);
    RestartHistory next;
    if (spec.job() && cause.succeeded()) {
      next = dead.finished();
      out.accept("watchdog: " + spec.service() + " finished (exit code 0)");
    } else if (dead.recentDeaths().size() > config.get(DpSettings.WATCHDOG_MAX_RESTARTS)) {
      next = dead.crashLoop(LogFiles.tail(paths().log(spec), CRASH_LOOP_LOG_LINES));
      out.accept(
          "watchdog: "
              + spec.service()
              + " is in a crash loop ("
              + dead.recentDeaths().size()
              + " deaths within "
              + window.toSeconds()
              + " s, last: "
              + cause.describe()
              + "); not restarting it. Its log: "
              + paths().log(spec));
    } else {
      Duration wait =
          dead.backoff(Duration.ofSeconds(config.get(DpSettings.WATCHDOG_BACKOFF_MAX_SECONDS)));
      next = dead.backingOffUntil(now.plus(wait));
      out.accept(
          "watchdog: "
              + spec.service()
              + " died ("
              + cause.describe()
              + "); restarting in "
              + wait.toSeconds()
              + " s");
    }
    next.write(paths(), spec);
    return next;
  }

  private Optional<String> dependencyDown(ServiceSpec spec) {
    return spec.dependsOn().stream()
        .map(config.catalog()::require)
        .filter(ServiceSpec::runsLocally)
        .filter(d -> !d.job())
        .filter(d -> PidFile.liveProcess(paths().pidFile(d)).isEmpty())
        .map(ServiceSpec::service)
        .findFirst();
  }

  private StackPaths paths() {
    return config.paths();
  }
}
