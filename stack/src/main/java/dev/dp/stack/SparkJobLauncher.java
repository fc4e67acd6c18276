package dev.dp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import java.io.IOException;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String module;
  private final String mainClass;
  private final Function<ServiceContext, List<String>> args;
  private final Function<ServiceContext, Map<String, String>> environment;

  private SparkJobLauncher(
      String module,
      String mainClass,
      Function<ServiceContext, List<String>> args,
      Function<ServiceContext, Map<String, String>> environment) {
    this.module = module;
    this.mainClass = mainClass;
    this.args = args;
    this.environment = environment;
  }

  /** {@code spark-job-ingest}: Kafka to bronze, silver and quarantine. */
  static SparkJobLauncher ingest() {
    return new SparkJobLauncher(
        "ingest",
        "dev.dp.ingest.spark.IngestJob",
        ctx ->
            List.of(
                ctx.config().kafkaBootstrap(),
                HadoopConfiguration.defaultFs(ctx.config()) + "/dp/checkpoints/ingest",
                progressFile(ctx).toString(),
                String.valueOf(ctx.config().get(DpSettings.INGEST_TRIGGER_SECONDS)),
                String.valueOf(ctx.config().get(DpSettings.INGEST_MAX_OFFSETS)),
                String.valueOf(ctx.config().get(DpSettings.INGEST_PARALLELISM))),
        ctx -> Map.of());
  }

  /** {@code spark-job-process}: silver to the gold tables in postgres-dest. */
  static SparkJobLauncher process() {
    return new SparkJobLauncher(
        "process",
        "dev.dp.process.spark.ProcessJob",
        ctx -> {
          DatabaseEndpoint dest = destination(ctx);
          return List.of(
              dest.jdbcUrl(),
              dest.user(),
              progressFile(ctx).toString(),
              String.valueOf(ctx.config().get(DpSettings.PROCESS_POLL_SECONDS)));
        },
        ctx -> Map.of("DP_DEST_PASSWORD", destination(ctx).password()));
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
    return config.paths().home().resolve("run").resolve(container + ".progress.json");
  }

  @Override
  public void prepare(ServiceContext ctx) throws IOException {
    HadoopConfiguration.write(ctx.config());
    Files.deleteIfExists(progressFile(ctx)); // readiness must see this run's progress
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    SparkJob job =
        new SparkJob(
            ctx.spec().container(), module, mainClass, args.apply(ctx), environment.apply(ctx));
    return SparkJobs.driver(ctx.config(), job, SparkJobs.ClusterManager.STANDALONE);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    Path file = progressFile(ctx);
    if (!Files.isRegularFile(file)) {
      return Readiness.notYet("no progress reported yet (" + file + ")");
    }
    try {
      JsonNode progress = JSON.readTree(file.toFile());
      long batch = progress.path("batch_id").asLong(-1);
      return Readiness.ready(
          batch >= 0
              ? "update " + batch + " committed"
              : "running, first update not committed yet");
    } catch (IOException e) {
      return Readiness.notYet("progress file unreadable: " + e.getMessage());
    }
  }
}
