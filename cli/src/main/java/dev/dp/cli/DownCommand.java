package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.Supervisor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dp down}: stops everything dp started. */
@Command(
    name = "down",
    description = {
      "Stop every service dp started, or only the named ones (gracefully, killed after a",
      "bound). Keeps data."
    })
final class DownCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Spec CommandSpec spec;

  @Option(names = "--volumes", description = "Also delete the volumes (all pipeline data).")
  boolean volumes;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to stop.")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    DpConfig config = stack.config();
    Supervisor supervisor = StackOptions.supervisor(config);
    if (services.isEmpty()) {
      supervisor.down(volumes);
      return 0;
    }
    if (volumes) {
      throw new ParameterException(
          spec.commandLine(), "--volumes deletes all data: use it without service names");
    }
    ServiceCatalog catalog = config.catalog();
    for (String service : services) {
      supervisor.stop(catalog.require(service));
    }
    return 0;
  }
}
