package dev.dp.cli;

import dev.dp.stack.Launchers;
import dev.dp.stack.Supervisor;
import dev.dp.stack.WatchdogProcess;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dp watchdog}: the watchdog in the foreground. {@code dp up} starts it in the background
 * and {@code dp down} stops it; people do not need to run it themselves.
 */
@Command(
    name = WatchdogProcess.SUBCOMMAND,
    hidden = true,
    description = "Restart services of the stack that die (started by dp up; runs until stopped).")
final class WatchdogCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Override
  public Integer call() {
    new Supervisor(
            stack.config(),
            Launchers.standard(),
            line -> System.out.println(Instant.now() + " " + line))
        .watch();
    return 0;
  }
}
