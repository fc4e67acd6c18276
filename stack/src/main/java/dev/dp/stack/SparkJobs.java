package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.LakehouseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs dp's Spark applications against the stack's cluster the way {@code spark-submit} in client
 * mode would: the driver is a local JVM, executors run on the standalone worker (default) or in
 * YARN containers. All cluster settings are passed as {@code spark.*} system properties, so a job
 * only supplies its main class.
 */
public final class SparkJobs {

  /** Where the executors run. */
  public enum ClusterManager {
    STANDALONE,
    YARN
  }

  /** The Hive version of the isolated metastore client (the metastore server's, from the POM). */
  static final String HIVE_CLIENT_VERSION = StackVersions.HIVE;

  private SparkJobs() {}

  /** The driver process of {@code job}. */
  public static ProcessSpec driver(DpConfig config, SparkJob job, ClusterManager manager) {
    List<String> jars = jobJars(config, job);
    String host = config.bindAddress();
    String defaultFs = HadoopConfiguration.defaultFs(config);
    JavaCommand java =
        new JavaCommand(config.get(DpSettings.SPARK_DRIVER_HEAP))
            .jvmOption("-Xms128m")
            .jvmOption(SparkRuntime.moduleOptionsArgFile(config))
            .property("spark.app.name", job.logName())
            .property("spark.driver.host", host)
            .property("spark.driver.bindAddress", host)
            .property("spark.jars", String.join(",", jars))
            .property("spark.ui.enabled", "false")
            .property("spark.executor.memory", config.get(DpSettings.SPARK_EXECUTOR_MEMORY))
            .property("spark.executor.cores", "1")
            // Leave a core for the other job: ingest and process share the worker.
            .property("spark.cores.max", "1")
            .property("spark.hadoop.fs.defaultFS", defaultFs)
            // Executors do not read hdfs-site.xml: one datanode means one replica.
            .property("spark.hadoop.dfs.replication", "1")
            .property("spark.sql.warehouse.dir", defaultFs + LakehouseLayout.WAREHOUSE)
            .property("spark.sql.catalogImplementation", "hive")
            .property(
                "spark.hadoop.hive.metastore.uris", "thrift://" + config.address("hms", "thrift"))
            .property("spark.sql.hive.metastore.version", HIVE_CLIENT_VERSION)
            .property("spark.sql.hive.metastore.jars", "path")
            .property(
                "spark.sql.hive.metastore.jars.path",
                SparkRuntime.hiveClientJars(config).toUri() + "*.jar")
            .property("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .property(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .property("spark.sql.shuffle.partitions", "2")
            .property("spark.databricks.delta.snapshotPartitions", "1")
            // One executor per job: waiting for a "better" locality only delays small tasks.
            .property("spark.locality.wait", "0s")
            // A micro-batch plans dozens of small statements: keep every generated class (the
            // default 100 entries evict and recompile them batch after batch) and skip the
            // adaptive re-planning that pays off only for large shuffles.
            .property("spark.sql.codegen.cache.maxEntries", "4096")
            .property("spark.sql.adaptive.enabled", "false")
            // New Delta tables: MERGE and DELETE mark replaced rows in small deletion vectors
            // instead of rewriting whole files. Delta's auto compaction stays off: it rewrote
            // tables after most commits; the ingest job compacts on its own schedule instead
            // (dp.ingest.compact-every-commits).
            .property("spark.databricks.delta.properties.defaults.enableDeletionVectors", "true")
            .property("spark.databricks.delta.autoCompact.enabled", "false");
    String javaOptions = javaOptions(config, job.warmup());
    if (!javaOptions.isEmpty()) {
      for (String option : javaOptions.split("\\s+")) {
        java.jvmOption(option);
      }
      java.property("spark.executor.extraJavaOptions", javaOptions);
    }
    job.sparkProperties().forEach(java::property);
    StringBuilder cp = new StringBuilder();
    cp.append(HadoopConfiguration.dir(config)).append(':');
    if (manager == ClusterManager.YARN) {
      java.property("spark.master", "yarn")
          .property("spark.submit.deployMode", "client")
          .property(
              "spark.yarn.jars", "local:" + SparkRuntime.sparkHome(config).resolve("jars") + "/*")
          .property("spark.yarn.am.memory", "512m")
          .property("spark.executor.instances", "1")
          .property("spark.yarn.submit.file.replication", "1");
    } else {
      java.property("spark.master", SparkRuntime.masterUrl(config));
    }
    cp.append(String.join(":", jars)).append(':');
    cp.append(SparkRuntime.classpath(config, job.logName()));
    Map<String, String> env = SparkRuntime.environment(config);
    env.put("HADOOP_CONF_DIR", HadoopConfiguration.dir(config).toString());
    env.putAll(job.environment());
    return new ProcessSpec(
        java.main(cp.toString(), job.mainClass(), job.args()),
        env,
        config.paths().home(),
        StopSignal.TERM);
  }

  /** The JVM options of a job's driver and executors, for what it is tuned for. */
  static String javaOptions(DpConfig config, SparkJob.Warmup warmup) {
    String common = config.get(DpSettings.SPARK_JAVA_OPTIONS).trim();
    String quickStart =
        warmup == SparkJob.Warmup.QUICK_START
            ? config.get(DpSettings.SPARK_QUICK_START_JAVA_OPTIONS).trim()
            : "";
    return (common + " " + quickStart).trim();
  }

  /**
   * Runs a job to completion, its output appended to {@code DP_HOME/logs/<logName>.log}.
   *
   * @return the driver's exit code
   * @throws IOException when the driver does not finish within {@code timeout} (it is killed)
   */
  public static int run(DpConfig config, SparkJob job, ClusterManager manager, Duration timeout)
      throws IOException, InterruptedException {
    ProcessSpec spec = driver(config, job, manager);
    Path log = log(config, job);
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        "=== dp: running " + job.mainClass() + " on " + manager + " at " + Instant.now() + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    return OneShot.run(
        job.mainClass(), spec.command(), spec.environment(), spec.workingDirectory(), log, timeout);
  }

  /** The log of a job. */
  public static Path log(DpConfig config, SparkJob job) {
    return config.paths().home().resolve("logs").resolve(job.logName() + ".log");
  }

  /**
   * The job module's jar and its runtime dependencies (Spark itself is provided), copied to {@code
   * DP_HOME/run/jars/<job>/}: a running driver keeps loading classes from its jars, so a rebuild of
   * the checkout while the stack runs must not replace them underneath it.
   */
  static List<String> jobJars(DpConfig config, SparkJob job) {
    Path target = config.paths().module(job.module()).resolve("target");
    List<Path> built = new ArrayList<>();
    try (Stream<Path> own = Files.list(target);
        Stream<Path> libs =
            Files.isDirectory(target.resolve("job-libs"))
                ? Files.list(target.resolve("job-libs"))
                : Stream.empty()) {
      own.filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-tests.jar"))
          .forEach(built::add);
      libs.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(built::add);
    } catch (IOException e) {
      throw new ServiceStartException(
          job.logName(), "the job module " + job.module() + " is not built: run ./dp build");
    }
    if (built.isEmpty()) {
      throw new ServiceStartException(job.logName(), "no jar in " + target + ": run ./dp build");
    }
    Path copies = config.paths().home().resolve("run").resolve("jars").resolve(job.logName());
    try {
      FileTrees.deleteTree(copies);
      Files.createDirectories(copies);
      List<String> jars = new ArrayList<>();
      for (Path jar : built) {
        Path copy = copies.resolve(jar.getFileName());
        Files.copy(jar, copy);
        jars.add(copy.toString());
      }
      return jars;
    } catch (IOException e) {
      throw new ServiceStartException(
          job.logName(), "cannot copy the job's jars to " + copies + ": " + e.getMessage());
    }
  }
}
