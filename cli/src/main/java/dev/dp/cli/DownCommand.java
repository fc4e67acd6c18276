package dev.dp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dp down}: stops everything dp started. */
@Command(
    name = "down",
    description = "Stop every service dp started (gracefully, killed after a bound). Keeps data.")
final class DownCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Option(names = "--volumes", description = "Also delete the volumes (all pipeline data).")
  boolean volumes;

  @Override
  public Integer call() {
    StackOptions.supervisor(stack.config()).down(volumes);
    return 0;
  }
}
