package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.stack.SparkJob;
import dev.dp.stack.SparkJobs;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dp lakehouse-check}: a Spark job that proves HDFS, the metastore and Delta work. */
@Command(
    name = "lakehouse-check",
    description = {
      "Run a Spark job on the cluster that creates silver.<table> as a Delta table on HDFS",
      "through the metastore, appends rows and reads them back."
    })
final class LakehouseCheckCommand implements Callable<Integer> {

  static final String MAIN = "dev.dp.lakehouse.LakehouseSmokeJob";

  @Mixin StackOptions stack;

  @Option(
      names = "--yarn",
      description = "Run the executors on YARN instead of the standalone worker.")
  boolean yarn;

  @Option(names = "--table", description = "Table in silver (default: lakehouse_check).")
  String table = "lakehouse_check";

  @Option(names = "--timeout", description = "Seconds to wait for the job (default: 600).")
  int timeoutSeconds = 600;

  @Override
  public Integer call() throws Exception {
    DpConfig config = stack.config();
    SparkJob job = new SparkJob("dp_lakehouse_check", "lakehouse", MAIN, List.of(table));
    SparkJobs.ClusterManager manager =
        yarn ? SparkJobs.ClusterManager.YARN : SparkJobs.ClusterManager.STANDALONE;
    System.out.println(
        "running " + MAIN + " on " + manager + "; log: " + SparkJobs.log(config, job));
    int exit = SparkJobs.run(config, job, manager, Duration.ofSeconds(timeoutSeconds));
    Files.readAllLines(SparkJobs.log(config, job)).stream()
        .filter(l -> l.startsWith("LAKEHOUSE SMOKE"))
        .reduce((a, b) -> b)
        .ifPresent(System.out::println);
    return exit;
  }
}
