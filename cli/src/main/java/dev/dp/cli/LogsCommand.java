package dev.dp.cli;

import dev.dp.catalog.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dp logs}: the local {@code docker logs <container>}. */
@Command(name = "logs", description = "Show a service's log (DP_HOME/logs/<container>.log).")
final class LogsCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Parameters(paramLabel = "SERVICE", description = "Service or container name, e.g. dp_kafka.")
  String service;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines.")
  boolean follow;

  @Option(
      names = {"-n", "--tail"},
      paramLabel = "LINES",
      description = "Lines from the end to show (default: all).")
  Integer tail;

  @Override
  public Integer call() throws Exception {
    ServiceSpec spec = stack.catalog().require(service);
    Path log = stack.config().paths().log(spec);
    if (!Files.exists(log) && !follow) {
      System.err.println("no log yet for " + spec.service() + " (" + log + ")");
      return 1;
    }
    List<String> cmd =
        new ArrayList<>(List.of("tail", "-n", tail == null ? "+1" : tail.toString()));
    if (follow) {
      cmd.add("-F");
    }
    cmd.add(log.toString());
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }
}
