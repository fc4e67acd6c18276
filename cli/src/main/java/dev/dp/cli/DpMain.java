package dev.dp.cli;

import dev.dp.catalog.ConfigException;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.stack.ServiceStartException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dp} command: brings the local pipeline up and down and lets you look at it. */
@Command(
    name = "dp",
    mixinStandardHelpOptions = true,
    version = "dp 0.1.0",
    description = {
      "The dp CDC lakehouse pipeline as local processes:",
      "postgres-source -> debezium -> kafka -> (lakehouse) -> postgres-dest.",
      "Stack state lives in DP_HOME (default .dp/); DP_PORT_OFFSET shifts every port."
    },
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      HealthCommand.class,
      LogsCommand.class,
      PsqlCommand.class,
      KafkaToolCommand.Topics.class,
      KafkaToolCommand.ConsoleConsumer.class,
      KafkaToolCommand.ConsumerGroups.class,
      HdfsCommand.class,
      LakehouseCheckCommand.class,
      VerifyCommand.class,
      BenchCommand.class,
      ConfigCommand.class,
      ChaosCommand.class,
      WatchdogCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DpMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ServiceCatalog catalog;

  private DpMain(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The services every subcommand works with; made once per invocation. */
  ServiceCatalog catalog() {
    return catalog;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Entry point; exit code 0 on success, 1 when a service fails, 2 on bad configuration. */
  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new DpMain(ServiceCatalog.standard()));
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException) {
            commandLine.getErr().println(e.getMessage());
            return 2;
          }
          if (e instanceof ServiceStartException) {
            commandLine.getErr().println("dp: " + e.getMessage());
            commandLine
                .getErr()
                .println(
                    "Services started before it are still running: './dp status' shows them,"
                        + " './dp down' stops them.");
            return 1;
          }
          throw e;
        });
    return cl;
  }

  private static void quietLibraryLogging() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }
}
