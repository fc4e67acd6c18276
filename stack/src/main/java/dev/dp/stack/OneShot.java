package dev.dp.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a one-time command of a service (initdb, a format, a schema tool, a batch job) to
 * completion, its output appended to the service's log, bounded by a timeout.
 */
final class OneShot {

  private OneShot() {}

  /**
   * Runs {@code command} in {@code workingDirectory} (null: the caller's) and returns its exit
   * code.
   *
   * @param what what the command does, for the error message
   * @throws IOException when it does not finish within {@code timeout} (it is killed)
   */
  static int run(
      String what,
      List<String> command,
      Map<String, String> env,
      Path workingDirectory,
      Path log,
      Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workingDirectory == null ? null : workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IOException(
          what + " did not finish within " + timeout.toSeconds() + " s; see " + log);
    }
    return p.exitValue();
  }

  /** Runs {@code command} and fails unless it exits with 0. */
  static void runOrFail(
      String what, List<String> command, Map<String, String> env, Path log, Duration timeout)
      throws IOException, InterruptedException {
    int exit = run(what, command, env, null, log, timeout);
    if (exit != 0) {
      throw new IOException(what + " failed with exit code " + exit + "; see " + log);
    }
  }
}
