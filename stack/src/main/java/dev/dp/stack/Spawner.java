package dev.dp.stack;

import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.StackPaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Spawns a service's process in its own session (so Ctrl-C on {@code dp} does not reach it), its
 * output appended to the service's log, and records its pid and stop signal under {@code run/}.
 */
final class Spawner {

  private final StackPaths paths;

  Spawner(StackPaths paths) {
    this.paths = paths;
  }

  /**
   * Starts the process of {@code spec}.
   *
   * @throws ServiceStartException when the command cannot be started
   */
  Process spawn(ServiceSpec spec, ProcessSpec ps) {
    Path log = paths.log(spec);
    List<String> command = new ArrayList<>();
    command.add("setsid");
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
      PidFile.write(paths.pidFile(spec), p.toHandle());
      Files.writeString(paths.stopSignalFile(spec), ps.stopSignal().name());
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
}
