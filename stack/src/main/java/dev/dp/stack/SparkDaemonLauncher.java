package dev.dp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The Spark standalone master and worker, each a JVM from {@code runtime/spark}. */
final class SparkDaemonLauncher implements ServiceLauncher {

  private final String mainClass;
  private final Function<ServiceContext, Path> stateDir;
  private final Function<ServiceContext, List<String>> properties;
  private final Function<ServiceContext, List<String>> args;
  private final Function<ServiceContext, Readiness> probe;

  private SparkDaemonLauncher(
      String mainClass,
      Function<ServiceContext, Path> stateDir,
      Function<ServiceContext, List<String>> properties,
      Function<ServiceContext, List<String>> args,
      Function<ServiceContext, Readiness> probe) {
    this.mainClass = mainClass;
    this.stateDir = stateDir;
    this.properties = properties;
    this.args = args;
    this.probe = probe;
  }

  /**
   * The master, with FILESYSTEM recovery: it persists its applications and workers, so a master
   * that died and was restarted tells the running drivers and the worker where it is and takes them
   * back. Without it the new master knows no application, the worker's executors are killed and
   * every driver waits for its master forever ("Disconnected from Spark cluster! Waiting for
   * reconnection..."), which {@code dp chaos} found.
   */
  static SparkDaemonLauncher master() {
    return new SparkDaemonLauncher(
        "org.apache.spark.deploy.master.Master",
        SparkDaemonLauncher::recoveryDir,
        ctx ->
            List.of(
                "-Dspark.deploy.recoveryMode=FILESYSTEM",
                "-Dspark.deploy.recoveryDirectory=" + recoveryDir(ctx)),
        ctx ->
            List.of(
                "--host", ctx.host(),
                "--port", Integer.toString(ctx.port("rpc")),
                "--webui-port", Integer.toString(ctx.port("ui"))),
        ctx ->
            HttpJson.probe(
                () -> {
                  String status = masterStatus(ctx.config()).path("status").asText();
                  return "ALIVE".equals(status)
                      ? Readiness.ready("master ALIVE")
                      : Readiness.notYet("master " + status);
                }));
  }

  static SparkDaemonLauncher worker() {
    return new SparkDaemonLauncher(
        "org.apache.spark.deploy.worker.Worker",
        SparkDaemonLauncher::workDir,
        ctx -> List.of(),
        ctx ->
            List.of(
                "--host",
                ctx.host(),
                "--webui-port",
                Integer.toString(ctx.port("ui")),
                "--cores",
                Integer.toString(ctx.config().get(DpSettings.SPARK_WORKER_CORES)),
                "--memory",
                ctx.config().get(DpSettings.SPARK_WORKER_MEMORY),
                "--work-dir",
                workDir(ctx).toString(),
                SparkRuntime.masterUrl(ctx.config())),
        ctx ->
            HttpJson.probe(
                () -> {
                  // A restarted worker registers anew; the master keeps listing the old one
                  // (DEAD) on the same web UI port, so any ALIVE entry on the port counts.
                  String ui = ":" + ctx.port("ui");
                  String seen = null;
                  for (JsonNode w : masterStatus(ctx.config()).path("workers")) {
                    if (w.path("webuiaddress").asText().endsWith(ui)) {
                      String state = w.path("state").asText();
                      if ("ALIVE".equals(state)) {
                        return Readiness.ready(
                            "worker ALIVE with "
                                + w.path("cores").asInt()
                                + " cores, "
                                + w.path("memory").asInt()
                                + " MB");
                      }
                      seen = state;
                    }
                  }
                  return Readiness.notYet(
                      seen != null
                          ? "worker " + seen
                          : "worker not registered with the master yet");
                }));
  }

  @Override
  public void prepare(ServiceContext ctx) throws Exception {
    Path home = SparkRuntime.sparkHome(ctx.config());
    if (!Files.isDirectory(home.resolve("jars"))) {
      throw new ServiceStartException(
          ctx.spec().service(), "the Spark runtime " + home + " is missing: run ./dp build");
    }
    Files.createDirectories(stateDir.apply(ctx));
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    JavaCommand java =
        new JavaCommand(ctx.config().get(DpSettings.SPARK_DAEMON_HEAP))
            .jvmOption("-Xms64m")
            .jvmOption(SparkRuntime.moduleOptionsArgFile(ctx.config()));
    properties.apply(ctx).forEach(java::jvmOption);
    List<String> cmd =
        java.main(
            SparkRuntime.classpath(ctx.config(), ctx.spec().service()), mainClass, args.apply(ctx));
    return new ProcessSpec(
        cmd, SparkRuntime.environment(ctx.config()), ctx.paths().home(), StopSignal.TERM);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    return probe.apply(ctx);
  }

  private static Path recoveryDir(ServiceContext ctx) {
    return ctx.paths().home().resolve("tmp/spark-master-recovery");
  }

  private static Path workDir(ServiceContext ctx) {
    return ctx.paths().home().resolve("tmp/spark-worker");
  }

  private static JsonNode masterStatus(DpConfig config) throws java.io.IOException {
    return HttpJson.get("http://" + config.address("spark-master", "ui") + "/json/");
  }
}
