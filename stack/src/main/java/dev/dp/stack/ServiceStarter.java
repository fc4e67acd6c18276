package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts one service through its launcher's steps: prepare, spawn, wait until the probe says ready
 * (failing fast when the process exits), then the launcher's setup. A service that already runs is
 * only probed.
 */
final class ServiceStarter {

  private static final int LOG_TAIL_LINES = 25;

  /** How waiting for a starting service ended. */
  enum WaitEnd {
    /** The probe said ready. */
    READY,
    /** A job service ran to completion (exit code 0) before or instead of probing ready. */
    JOB_FINISHED,
    /** The process exited while starting. */
    EXITED,
    /** The start timeout passed with the process still running. */
    TIMED_OUT;

    /** How a wait ended, given whether the process was a job that finished successfully. */
    static WaitEnd of(Waits.Outcome outcome, boolean jobFinished) {
      if (outcome.ready()) {
        return READY;
      }
      if (jobFinished) {
        return JOB_FINISHED;
      }
      return outcome.abortReason() != null ? EXITED : TIMED_OUT;
    }
  }

  private final DpConfig config;
  private final Launchers launchers;
  private final Spawner spawner;
  private final Stopper stopper;
  private final Consumer<String> out;

  ServiceStarter(
      DpConfig config,
      Launchers launchers,
      Spawner spawner,
      Stopper stopper,
      Consumer<String> out) {
    this.config = config;
    this.launchers = launchers;
    this.spawner = spawner;
    this.stopper = stopper;
    this.out = out;
  }

  /**
   * Starts {@code spec} (or checks it when it runs already) and waits until it is ready.
   *
   * @throws ServiceStartException when it cannot be started, exits, or is not ready in time
   */
  void start(ServiceSpec spec) {
    ServiceLock.holding(
        config.paths(),
        spec,
        () -> {
          startHoldingLock(spec);
          RestartHistory h = RestartHistory.read(config.paths(), spec);
          if (h.state() != RestartHistory.Watch.WATCHING) {
            h.started(false).write(config.paths(), spec); // dp up ends a crash loop
          }
        });
  }

  private void startHoldingLock(ServiceSpec spec) {
    ServiceContext ctx = new ServiceContext(spec, config);
    ServiceLauncher launcher = launchers.forKind(spec.launchKind());
    Path log = config.paths().log(spec);
    long t0 = System.nanoTime();
    long deadline =
        Waits.deadline(Duration.ofSeconds(config.get(DpSettings.START_TIMEOUT_SECONDS)));
    Optional<ProcessHandle> running = PidFile.liveProcess(config.paths().pidFile(spec));
    Spawner.Spawned spawned = null;
    if (running.isPresent()) {
      out.accept(spec.service() + ": already running (pid " + running.get().pid() + ")");
    } else {
      PortCheck.requireFree(config, spec);
      ProcessSpec ps;
      try {
        launcher.prepare(ctx);
        ps = launcher.process(ctx);
      } catch (ServiceStartException e) {
        throw e;
      } catch (Exception e) {
        throw new ServiceStartException(
            spec.service(), "preparing failed: " + e, log, LogFiles.tail(log, LOG_TAIL_LINES));
      }
      spawned = spawner.spawn(spec, ps);
      StartSettings.write(config, spec);
      out.accept(
          spec.service() + ": started (pid " + spawned.service().pid() + "), waiting until ready");
    }
    Process process = spawned == null ? null : spawned.wrapper();
    ProcessHandle handle = spawned == null ? running.get() : spawned.service();
    Waits.Outcome outcome =
        Waits.until(deadline, () -> launcher.probe(ctx), () -> exitReason(spec, process, handle));
    switch (WaitEnd.of(outcome, finishedJob(spec, process))) {
      case READY, JOB_FINISHED -> {}
      case EXITED ->
          throw new ServiceStartException(
              spec.service(),
              outcome.abortReason() + " (last check: " + outcome.last().detail() + ")",
              log,
              LogFiles.tail(log, LOG_TAIL_LINES));
      case TIMED_OUT -> {
        stopper.abandon(spec, handle);
        throw new ServiceStartException(
            spec.service(),
            "not ready within "
                + config.get(DpSettings.START_TIMEOUT_SECONDS)
                + " s; waited for: "
                + spec.readiness()
                + "; last check: "
                + outcome.last().detail(),
            log,
            LogFiles.tail(log, LOG_TAIL_LINES));
      }
    }
    String setup;
    try {
      setup = launcher.afterReady(ctx, deadline);
    } catch (ServiceStartException e) {
      throw e;
    } catch (Exception e) {
      throw new ServiceStartException(
          spec.service(),
          "started but its setup failed: " + e,
          log,
          LogFiles.tail(log, LOG_TAIL_LINES));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.accept(
        String.format(
            "%s: ready in %.1f s (%s%s)",
            spec.service(), seconds, outcome.last().detail(), setup.isEmpty() ? "" : "; " + setup));
  }

  /** Whether {@code spawned} is a job of {@code spec} that ran to completion successfully. */
  private static boolean finishedJob(ServiceSpec spec, Process spawned) {
    return spec.job() && spawned != null && !spawned.isAlive() && spawned.exitValue() == 0;
  }

  /** Why waiting must stop because the process is gone, or null while it runs. */
  private static String exitReason(ServiceSpec spec, Process spawned, ProcessHandle handle) {
    if (spawned != null) {
      if (spawned.isAlive()) {
        return null;
      }
      if (finishedJob(spec, spawned)) {
        return "the job finished";
      }
      return "exited with code " + spawned.exitValue() + " while starting";
    }
    return handle.isAlive() ? null : "its process " + handle.pid() + " exited while starting";
  }
}
