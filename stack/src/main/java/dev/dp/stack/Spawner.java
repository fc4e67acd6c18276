package dev.dp.stack;

import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Spawns a service's process in its own session (so Ctrl-C on {@code dp} does not reach it), its
 * output appended to the service's log, and records its pid and stop signal under {@code run/}.
 *
 * <p>The process runs under a small shell wrapper whose only job is to write the exit code to
 * {@code run/<container>.exit} when the process ends: nobody else can learn it, because the process
 * outlives the {@code dp} command that started it. The pid file names the service process itself
 * (the wrapper's child), so signals, memory figures and kills reach the service.
 */
final class Spawner {

  /** How each start is marked in a service's log. */
  static final String START_MARKER = "=== dp: starting ";

  /** Runs "$@", then writes "<exit code> <epoch millis>" to the file named by $0. */
  private static final String EXIT_RECORDER =
      "\"$@\"; code=$?; echo \"$code $(date +%s%3N)\" > \"$0\"; exit $code";

  private static final Duration CHILD_APPEARS_WITHIN = Duration.ofSeconds(10);

  private final StackPaths paths;

  Spawner(StackPaths paths) {
    this.paths = paths;
  }

  /**
   * A started service.
   *
   * @param wrapper the bash wrapper that records the exit; it ends when the service does
   * @param service the service process itself, as named in the pid file
   */
  record Spawned(Process wrapper, ProcessHandle service) {}

  /**
   * Starts the process of {@code spec}.
   *
   * @throws ServiceStartException when the command cannot be started
   */
  Spawned spawn(ServiceSpec spec, ProcessSpec ps) {
    Path log = paths.log(spec);
    Path exitFile = paths.exitFile(spec);
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.add("bash");
    command.add("-c");
    command.add(EXIT_RECORDER);
    command.add(exitFile.toString());
    command.addAll(ps.command());
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          START_MARKER
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
      Files.deleteIfExists(exitFile);
      Process p = pb.start();
      ProcessHandle service = serviceProcess(p);
      PidFile.write(paths.pidFile(spec), service);
      Files.writeString(paths.stopSignalFile(spec), ps.stopSignal().name());
      return new Spawned(p, service);
    } catch (IOException e) {
      throw new ServiceStartException(
          spec.service(), "cannot start " + ps.command().get(0) + ": " + e.getMessage(), log, null);
    }
  }

  /**
   * The service process: the wrapper's child once it has forked it (the wrapper itself when the
   * command ended at once, so that its exit is still seen).
   */
  private static ProcessHandle serviceProcess(Process wrapper) {
    long deadline = Waits.deadline(CHILD_APPEARS_WITHIN);
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child = wrapper.children().findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      try {
        if (wrapper.waitFor(5, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return wrapper.toHandle();
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
}
