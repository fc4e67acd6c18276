package dev.dp.stack;

import java.util.List;

/**
 * A dp Spark application: the module whose jar (and runtime dependencies) it ships, its main class
 * and arguments, and the name its log goes under.
 *
 * @param logName log file name without {@code .log}, e.g. the job's container name
 * @param module the checkout module that builds the job, e.g. {@code lakehouse}
 * @param mainClass the driver's main class
 * @param args arguments of the main class
 * @param environment extra environment of the driver (secrets go here, never in {@code args})
 * @param sparkProperties {@code spark.*} settings of this job that override the cluster defaults
 *     (e.g. its executor cores)
 */
public record SparkJob(
    String logName,
    String module,
    String mainClass,
    List<String> args,
    java.util.Map<String, String> environment,
    java.util.Map<String, String> sparkProperties) {

  public SparkJob {
    args = List.copyOf(args);
    environment = java.util.Map.copyOf(environment);
    sparkProperties = java.util.Map.copyOf(sparkProperties);
  }

  /** A job that needs no extra environment and runs with the cluster defaults. */
  public SparkJob(String logName, String module, String mainClass, List<String> args) {
    this(logName, module, mainClass, args, java.util.Map.of(), java.util.Map.of());
  }
}
