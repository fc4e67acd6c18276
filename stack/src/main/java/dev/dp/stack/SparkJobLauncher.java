package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.contracts.IngestJobSettings;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProcessJobSettings;
import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.ProgressFile;
import dev.dp.contracts.VisibilityLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The long-running Spark jobs as services: the driver runs under the supervisor like any other
 * process (log under the job's container name), executors on the standalone worker. Each job writes
 * a progress file in {@code DP_HOME/run}; the job is ready once its first micro-batch is committed.
 */
public final class SparkJobLauncher implements ServiceLauncher {

  private final String module;
  private final String mainClass;
  private final Function<ServiceContext, Object> settings;
  private final Function<ServiceContext, Map<String, String>> environment;
  private final Function<ServiceContext, Map<String, String>> sparkProperties;
  private final Function<Path, Long> committedUpdate;

  private SparkJobLauncher(
      String module,
      String mainClass,
      Function<ServiceContext, Object> settings,
      Function<ServiceContext, Map<String, String>> environment,
      Function<ServiceContext, Map<String, String>> sparkProperties,
      Function<Path, Long> committedUpdate) {
    this.module = module;
    this.mainClass = mainClass;
    this.settings = settings;
    this.environment = environment;
    this.sparkProperties = sparkProperties;
    this.committedUpdate = committedUpdate;
  }

  /** {@code spark-job-ingest}: Kafka to bronze, silver and quarantine. */
  static SparkJobLauncher ingest() {
    return new SparkJobLauncher(
        "ingest",
        "dev.dp.ingest.spark.IngestJob",
        ctx ->
            new IngestJobSettings(
                ctx.config().kafkaBootstrap(),
                HadoopConfiguration.defaultFs(ctx.config()) + "/dp/checkpoints/ingest",
                progressFile(ctx),
                visibilityLog(ctx.config(), ctx.spec().container()).file(),
                ctx.config().get(DpSettings.INGEST_TRIGGER_MILLIS),
                ctx.config().get(DpSettings.INGEST_MAX_OFFSETS),
                ctx.config().get(DpSettings.INGEST_MAX_RECORDS_PER_TASK),
                ctx.config().get(DpSettings.INGEST_PARALLELISM),
                ctx.config().get(DpSettings.INGEST_COMPACT_EVERY_COMMITS)),
        ctx -> Map.of(),
        ctx -> {
          String cores = String.valueOf(ctx.config().get(DpSettings.INGEST_EXECUTOR_CORES));
          return Map.of(
              "spark.executor.cores",
              cores,
              "spark.cores.max",
              cores,
              // the tables of a batch are written from several threads: share the executor
              "spark.scheduler.mode",
              "FAIR");
        },
        file ->
            ProgressFile.read(file, IngestProgress.class)
                .map(IngestProgress::batchId)
                .orElse(null));
  }

  /** {@code spark-job-process}: silver to the gold tables in postgres-dest. */
  static SparkJobLauncher process() {
    return new SparkJobLauncher(
        "process",
        "dev.dp.process.spark.ProcessJob",
        ctx -> {
          DatabaseEndpoint dest = destination(ctx);
          return new ProcessJobSettings(
              dest.jdbcUrl(),
              dest.user(),
              progressFile(ctx),
              visibilityLog(ctx.config(), ctx.spec().container()).file(),
              ctx.config().get(DpSettings.PROCESS_POLL_MILLIS));
        },
        ctx -> Map.of(ProcessJobSettings.PASSWORD_ENV, destination(ctx).password()),
        ctx -> Map.of(),
        file ->
            ProgressFile.read(file, ProcessProgress.class)
                .map(ProcessProgress::batchId)
                .orElse(null));
  }

  private static DatabaseEndpoint destination(ServiceContext ctx) {
    return DatabaseEndpoint.of(ctx.config(), "postgres-dest");
  }

  /** Where a job reports its progress. */
  static Path progressFile(ServiceContext ctx) {
    return progressFile(ctx.config(), ctx.spec().container());
  }

  /** Where the job with this container name reports its progress. */
  public static Path progressFile(DpConfig config, String container) {
    return runDir(config).resolve(container + ".progress.json");
  }

  /** Where the job with this container name appends what it made visible to readers. */
  public static VisibilityLog visibilityLog(DpConfig config, String container) {
    return VisibilityLog.of(runDir(config), container);
  }

  private static Path settingsFile(ServiceContext ctx) {
    return runDir(ctx.config()).resolve(ctx.spec().container() + ".settings.json");
  }

  private static Path runDir(DpConfig config) {
    return config.paths().home().resolve("run");
  }

  @Override
  public void prepare(ServiceContext ctx) throws IOException {
    HadoopConfiguration.write(ctx.config());
    Files.deleteIfExists(progressFile(ctx)); // readiness must see this run's progress
    try {
      ProgressFile.write(settingsFile(ctx), settings.apply(ctx));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    SparkJob job =
        new SparkJob(
            ctx.spec().container(),
            module,
            mainClass,
            List.of(settingsFile(ctx).toString()),
            environment.apply(ctx),
            sparkProperties.apply(ctx),
            // both jobs run for days: measured, their warm batches and refreshes are faster with
            // the optimising compiler than its quicker cold start would save (see SparkJob.Warmup)
            SparkJob.Warmup.THROUGHPUT);
    return SparkJobs.driver(ctx.config(), job, SparkJobs.ClusterManager.STANDALONE);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    Path file = progressFile(ctx);
    if (!Files.isRegularFile(file)) {
      return Readiness.notYet("no progress reported yet (" + file + ")");
    }
    try {
      Long batch = committedUpdate.apply(file);
      return Readiness.ready(
          batch != null && batch >= 0
              ? "update " + batch + " committed"
              : "running, first update not committed yet");
    } catch (UncheckedIOException e) {
      return Readiness.notYet("progress file unreadable: " + e.getMessage());
    }
  }
}
