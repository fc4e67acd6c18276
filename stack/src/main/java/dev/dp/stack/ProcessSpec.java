package dev.dp.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one service process.
 *
 * @param command the command line; must not contain secrets (it is visible in {@code ps} and
 *     written to the log)
 * @param environment extra environment variables (secrets go here)
 * @param workingDirectory where the process runs
 * @param stopSignal the signal asking the process to stop gracefully
 */
public record ProcessSpec(
    List<String> command,
    Map<String, String> environment,
    Path workingDirectory,
    StopSignal stopSignal) {

  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
