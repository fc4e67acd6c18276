package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.PortSpec;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceGraph;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts, stops and reports the local twin's services as detached OS processes. State lives on disk
 * ({@code run/*.pid}), so every {@code dp} invocation sees the same stack.
 */
public final class Supervisor {

  private static final int LOG_TAIL_LINES = 25;

  private final ServiceCatalog catalog;
  private final ServiceGraph graph;
  private final DpConfig config;
  private final Launchers launchers;
  private final Consumer<String> out;

  /** A supervisor of the services in {@code config}'s catalog. */
  public Supervisor(DpConfig config, Launchers launchers, Consumer<String> out) {
    this.catalog = config.catalog();
    this.graph = new ServiceGraph(catalog);
    this.config = config;
    this.launchers = launchers;
    this.out = out;
  }

  /**
   * Starts the given services (all local services when empty) and what they depend on, in
   * dependency order, each waited for until ready. Running services are only checked.
   *
   * @throws ServiceStartException for the first service that cannot start; services started before
   *     it keep running and {@code dp down} stops them
   */
  public void up(List<String> services) {
    List<ServiceSpec> order =
        services.isEmpty() ? graph.localStartOrder() : graph.startOrder(services);
    for (String name : services) {
      ServiceSpec spec = catalog.require(name);
      if (!spec.runsLocally()) {
        throw new ServiceStartException(
            spec.service(), "is not run by the local twin: " + spec.availabilityNote());
      }
    }
    for (List<ServiceSpec> wave : ServiceGraph.startWaves(order)) {
      startConcurrently(wave);
    }
  }

  /**
   * Starts one wave of services whose dependencies are all ready, in parallel. When some fail, the
   * others of the wave still finish starting (so nothing is left half-started), then the first
   * failure in catalog order is thrown with the others attached.
   */
  private void startConcurrently(List<ServiceSpec> wave) {
    if (wave.size() == 1) {
      start(wave.get(0));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(wave.size());
    try {
      List<Future<?>> started = new ArrayList<>();
      for (ServiceSpec spec : wave) {
        started.add(pool.submit(() -> start(spec)));
      }
      RuntimeException first = null;
      for (Future<?> f : started) {
        try {
          f.get();
        } catch (ExecutionException e) {
          RuntimeException failure =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
          if (first == null) {
            first = failure;
          } else {
            first.addSuppressed(failure);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting " + wave, e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }

  private void start(ServiceSpec spec) {
    ServiceContext ctx = new ServiceContext(spec, config);
    ServiceLauncher launcher = launchers.forKind(spec.launchKind());
    Path log = paths().log(spec);
    long t0 = System.nanoTime();
    long deadline =
        Waits.deadline(Duration.ofSeconds(config.get(DpSettings.START_TIMEOUT_SECONDS)));
    Optional<ProcessHandle> running = liveProcess(spec);
    Process spawned = null;
    if (running.isPresent()) {
      out.accept(spec.service() + ": already running (pid " + running.get().pid() + ")");
    } else {
      checkPortsFree(spec);
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
      spawned = spawn(spec, ps, log);
      out.accept(spec.service() + ": started (pid " + spawned.pid() + "), waiting until ready");
    }
    Process process = spawned;
    ProcessHandle handle = running.orElseGet(() -> process.toHandle());
    Waits.Outcome outcome =
        Waits.until(deadline, () -> launcher.probe(ctx), () -> exitReason(spec, process, handle));
    if (!outcome.ready()) {
      boolean jobDone =
          spec.job() && process != null && !process.isAlive() && process.exitValue() == 0;
      if (!jobDone) {
        failStart(spec, handle, outcome, log);
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

  private String exitReason(ServiceSpec spec, Process spawned, ProcessHandle handle) {
    if (spawned != null) {
      if (spawned.isAlive()) {
        return null;
      }
      if (spec.job() && spawned.exitValue() == 0) {
        return "finished";
      }
      return "exited with code " + spawned.exitValue() + " while starting";
    }
    return handle.isAlive() ? null : "its process " + handle.pid() + " exited while starting";
  }

  private void failStart(ServiceSpec spec, ProcessHandle handle, Waits.Outcome outcome, Path log) {
    String cause;
    if (outcome.abortReason() != null && !outcome.abortReason().equals("finished")) {
      cause = outcome.abortReason() + " (last check: " + outcome.last().detail() + ")";
    } else {
      cause =
          "not ready within "
              + config.get(DpSettings.START_TIMEOUT_SECONDS)
              + " s; waited for: "
              + spec.readiness()
              + "; last check: "
              + outcome.last().detail();
      stopProcess(spec, handle, true);
      deletePidFile(spec);
    }
    throw new ServiceStartException(spec.service(), cause, log, LogFiles.tail(log, LOG_TAIL_LINES));
  }

  private void checkPortsFree(ServiceSpec spec) {
    List<String> busy = new ArrayList<>();
    for (PortSpec p : spec.ports()) {
      int port = p.port(config.portOffset());
      if (!PortCheck.isFree(config.bindAddress(), port)) {
        busy.add(p.name() + " port " + config.bindAddress() + ":" + port);
      }
    }
    if (!busy.isEmpty()) {
      throw new ServiceStartException(
          spec.service(),
          String.join(", ", busy)
              + " already in use by another process; stop it, or run this stack with another"
              + " DP_PORT_OFFSET");
    }
  }

  private Process spawn(ServiceSpec spec, ProcessSpec ps, Path log) {
    List<String> command = new ArrayList<>();
    command.add("setsid"); // own session: Ctrl-C on dp must not reach the services
    command.addAll(ps.command());
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "=== dp: starting "
              + spec.service()
              + " at "
              + Instant.now()
              + ": "
              + abbreviated(ps.command())
              + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.directory(ps.workingDirectory().toFile());
      pb.environment().putAll(ps.environment());
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.redirectErrorStream(true);
      Process p = pb.start();
      PidFile.write(paths().pidFile(spec), p.toHandle());
      Files.writeString(paths().stopSignalFile(spec), ps.stopSignal().name());
      return p;
    } catch (IOException e) {
      throw new ServiceStartException(
          spec.service(), "cannot start " + ps.command().get(0) + ": " + e.getMessage(), log, null);
    }
  }

  /** The command for the log, with classpaths shortened to their entry count. */
  static String abbreviated(List<String> command) {
    List<String> out = new ArrayList<>(command.size());
    for (int i = 0; i < command.size(); i++) {
      String arg = command.get(i);
      if (i > 0 && command.get(i - 1).equals("-cp") && arg.contains(":")) {
        arg = "<" + arg.split(":").length + " classpath entries>";
      } else if (arg.startsWith("-Dspark.jars=")) {
        arg = "-Dspark.jars=<" + arg.split(",").length + " jars>";
      }
      out.add(arg);
    }
    return String.join(" ", out);
  }

  /**
   * Stops every service that has a pid file, dependents first: graceful signal, then SIGKILL after
   * the stop timeout. Volumes are kept unless {@code deleteVolumes}.
   */
  public void down(boolean deleteVolumes) {
    List<ServiceSpec> order = graph.stopOrder();
    for (ServiceSpec spec : order) {
      stop(spec);
    }
    if (deleteVolumes) {
      FileTrees.deleteTree(paths().home().resolve("volumes"));
      FileTrees.deleteTree(paths().home().resolve("conf"));
      out.accept("deleted volumes and generated configuration under " + paths().home());
    }
  }

  /** Stops one service gracefully (SIGKILL after the stop timeout). */
  public void stop(ServiceSpec spec) {
    Optional<ProcessHandle> live = liveProcess(spec);
    if (live.isPresent()) {
      boolean graceful = stopProcess(spec, live.get(), false);
      out.accept(spec.service() + ": stopped" + (graceful ? "" : " (killed after timeout)"));
    }
    deletePidFile(spec);
  }

  /** Kills a service with SIGKILL, leaving its pid file: a crash, as chaos tests need it. */
  public void kill(ServiceSpec spec) {
    liveProcess(spec)
        .ifPresent(
            h -> {
              h.destroyForcibly();
              h.onExit().join();
            });
  }

  private boolean stopProcess(ServiceSpec spec, ProcessHandle h, boolean force) {
    if (!force) {
      signal(h.pid(), stopSignalOf(spec));
      long deadline =
          Waits.deadline(Duration.ofSeconds(config.get(DpSettings.STOP_TIMEOUT_SECONDS)));
      Waits.Outcome o =
          Waits.until(
              deadline,
              () -> h.isAlive() ? Readiness.notYet("alive") : Readiness.ready("exited"),
              () -> null);
      if (o.ready()) {
        return true;
      }
    }
    List<ProcessHandle> tree = new ArrayList<>();
    try (Stream<ProcessHandle> d = h.descendants()) {
      d.forEach(tree::add);
    }
    h.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    h.onExit().join();
    return false;
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

  /** The live process of a service, if its pid file names one. */
  public Optional<ProcessHandle> liveProcess(ServiceSpec spec) {
    return PidFile.read(paths().pidFile(spec)).flatMap(PidFile::live);
  }

  /** The state of all 21 catalog services. */
  public List<ServiceStatus> status() {
    List<ServiceStatus> rows = new ArrayList<>();
    for (ServiceSpec spec : catalog.services()) {
      List<Integer> ports = spec.ports().stream().map(p -> p.port(config.portOffset())).toList();
      String layer = spec.layer().name().toLowerCase();
      String log = paths().log(spec).toString();
      if (!spec.runsLocally()) {
        ServiceState state =
            spec.availability() == dev.dp.catalog.Availability.COMPOSE_ONLY
                ? ServiceState.COMPOSE_ONLY
                : ServiceState.PLANNED;
        rows.add(
            new ServiceStatus(
                spec.service(),
                spec.container(),
                layer,
                state,
                -1,
                ports,
                -1,
                -1,
                log,
                spec.availabilityNote()));
        continue;
      }
      Optional<PidFile> pf = PidFile.read(paths().pidFile(spec));
      Optional<ProcessHandle> live = pf.flatMap(PidFile::live);
      if (live.isPresent()) {
        ProcessHandle h = live.get();
        long uptime =
            h.info()
                .startInstant()
                .map(i -> Duration.between(i, Instant.now()).toSeconds())
                .orElse(-1L);
        rows.add(
            new ServiceStatus(
                spec.service(),
                spec.container(),
                layer,
                ServiceState.RUNNING,
                h.pid(),
                ports,
                uptime,
                ProcessMemory.rssBytes(h),
                log,
                ""));
      } else {
        ServiceState state = pf.isPresent() ? ServiceState.EXITED : ServiceState.STOPPED;
        rows.add(
            new ServiceStatus(
                spec.service(), spec.container(), layer, state, -1, ports, -1, -1, log, ""));
      }
    }
    return rows;
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
