package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.StackPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The watchdog as its own small JVM ({@code dp watchdog}, pid in {@code run/dp_watchdog.pid}, log
 * in {@code logs/dp_watchdog.log}): started by {@code dp up}, stopped first by {@code dp down}. It
 * lives outside {@code dp up} because that command ends once the stack is ready, and outside the
 * services because a watcher must not die with what it watches. It is given the same configuration
 * as the {@code dp up} that started it: {@code DP_HOME}, the port offset and the command-line
 * settings.
 */
public final class WatchdogProcess {

  /** The subcommand of {@code dp} that runs the watchdog in the foreground. */
  public static final String SUBCOMMAND = "watchdog";

  private static final String MAIN = "dev.dp.cli.DpMain";
  private static final String HEAP = "128m";

  private WatchdogProcess() {}

  /** The running watchdog of the stack, if any. */
  public static Optional<ProcessHandle> running(StackPaths paths) {
    return PidFile.liveProcess(paths.watchdogPidFile());
  }

  /** Starts the watchdog unless it runs or is switched off ({@code dp.watchdog.enabled=0}). */
  static void ensureRunning(DpConfig config, Consumer<String> out) {
    StackPaths paths = config.paths();
    if (config.get(DpSettings.WATCHDOG_ENABLED) == 0 || running(paths).isPresent()) {
      return;
    }
    List<String> args = new ArrayList<>();
    args.add(SUBCOMMAND);
    config.overrides().forEach((k, v) -> args.add("--set=" + k + "=" + v));
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid");
    cmd.addAll(
        new JavaCommand(HEAP)
            .property("dp.checkout", config.checkout().toString())
            .main(RuntimeClasspath.of(paths, SUBCOMMAND, "cli"), MAIN, args));
    try {
      Files.createDirectories(paths.watchdogLog().getParent());
      Files.writeString(
          paths.watchdogLog(),
          Spawner.START_MARKER + "watchdog at " + Instant.now() + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.directory(paths.home().toFile());
      pb.environment()
          .putAll(
              Map.of(
                  DpSettings.HOME.env(), paths.home().toString(),
                  DpSettings.PORT_OFFSET.env(), Integer.toString(config.portOffset())));
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(paths.watchdogLog().toFile()));
      pb.redirectErrorStream(true);
      Process p = pb.start();
      PidFile.write(paths.watchdogPidFile(), p.toHandle());
      out.accept(
          "watchdog: started (pid "
              + p.pid()
              + "): restarts services that die; log "
              + paths.watchdogLog());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the watchdog", e);
    }
  }

  /** Stops the watchdog (SIGTERM, SIGKILL after the stop timeout) and forgets its pid. */
  static void stop(DpConfig config, Consumer<String> out) {
    StackPaths paths = config.paths();
    running(paths)
        .ifPresent(
            h -> {
              h.destroy();
              // Not its descendants: the services it restarted are its children.
              Termination.awaitExitElseKill(
                  h, Duration.ofSeconds(config.get(DpSettings.STOP_TIMEOUT_SECONDS)), false);
              out.accept("watchdog: stopped");
            });
    try {
      Files.deleteIfExists(paths.watchdogPidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
