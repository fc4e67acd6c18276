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
 * @param warmup what the job's JVMs (driver and executors) are tuned for
 */
public record SparkJob(
    String logName,
    String module,
    String mainClass,
    List<String> args,
    java.util.Map<String, String> environment,
    java.util.Map<String, String> sparkProperties,
    Warmup warmup) {

  /**
   * What a job's JVMs are tuned for. A Spark statement runs a lot of code once (planning, code
   * generation, Delta log replay), and on two cores the optimising compiler's own work competes
   * with it: measured here, a cold gold refresh took 129–150 s with it and 70 s with the client
   * compiler alone, and at low load warm refreshes took the same (26–45 s). But under dp bench's
   * load the process job's warm refreshes were ~45 % slower with it (47 s against 32 s), and the
   * ingest job's warm micro-batches ~25 % slower, so both long-running jobs keep the optimising
   * compiler; the one-shot jobs (audits, checks), which live for a few statements, use the client
   * compiler.
   */
  public enum Warmup {
    /** Peak speed after warming up: the default JIT ({@code dp.spark.java-options} only). */
    THROUGHPUT,
    /** Quick from a cold JVM: adds {@code dp.spark.quick-start.java-options}. */
    QUICK_START
  }

  public SparkJob {
    args = List.copyOf(args);
    environment = java.util.Map.copyOf(environment);
    sparkProperties = java.util.Map.copyOf(sparkProperties);
    java.util.Objects.requireNonNull(warmup, "warmup");
  }

  /**
   * A one-shot job (a check or an audit) that needs no extra environment and runs with the cluster
   * defaults: it lives for a few statements, so it is tuned for a {@link Warmup#QUICK_START}.
   */
  public SparkJob(String logName, String module, String mainClass, List<String> args) {
    this(
        logName,
        module,
        mainClass,
        args,
        java.util.Map.of(),
        java.util.Map.of(),
        Warmup.QUICK_START);
  }
}
