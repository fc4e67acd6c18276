package dev.dp.catalog;

import java.util.List;

/** Every dp setting, declared once. Keys of secret settings are used by {@link DatabaseSpec}. */
public final class DpSettings {

  public static final String SOURCE_PASSWORD = "dp.source.password";
  public static final String DEST_PASSWORD = "dp.dest.password";
  public static final String HMS_PASSWORD = "dp.hms.password";

  /** Highest base port of the seed services; the offset must keep it below 65536. */
  private static final int HIGHEST_BASE_PORT = ServiceCatalog.highestBasePort(SeedServices.all());

  public static final Setting<String> HOME =
      Setting.text(
          "dp.home",
          "DP_HOME",
          ".dp",
          "stack state root (volumes/, logs/, run/, conf/); relative paths are resolved against"
              + " the checkout");
  public static final Setting<Integer> PORT_OFFSET =
      Setting.integer(
          "dp.port.offset",
          "DP_PORT_OFFSET",
          0,
          0,
          65535 - HIGHEST_BASE_PORT,
          "added to every service port so a second stack can run beside the first");
  public static final Setting<String> BIND_ADDRESS =
      Setting.text(
          "dp.bind.address", "DP_BIND_ADDRESS", "127.0.0.1", "address every service binds to");
  public static final Setting<Integer> START_TIMEOUT_SECONDS =
      Setting.integer(
          "dp.start.timeout.seconds",
          "DP_START_TIMEOUT_SECONDS",
          180,
          5,
          3600,
          "how long dp up waits for one service to become ready");
  public static final Setting<Integer> STOP_TIMEOUT_SECONDS =
      Setting.integer(
          "dp.stop.timeout.seconds",
          "DP_STOP_TIMEOUT_SECONDS",
          30,
          1,
          600,
          "how long dp down waits for a graceful stop before killing");
  public static final Setting<String> SOURCE_PASSWORD_SETTING =
      Setting.secret(SOURCE_PASSWORD, "DP_SOURCE_PASSWORD", "password of admin on postgres-source");
  public static final Setting<String> DEST_PASSWORD_SETTING =
      Setting.secret(DEST_PASSWORD, "DP_DEST_PASSWORD", "password of admin on postgres-dest");
  public static final Setting<String> HMS_PASSWORD_SETTING =
      Setting.secret(HMS_PASSWORD, "DP_HMS_PASSWORD", "password of hive on hms-db");
  public static final Setting<Integer> GENERATOR_SEED =
      Setting.integer(
          "dp.generator.seed",
          "DP_GENERATOR_SEED",
          42,
          0,
          Integer.MAX_VALUE,
          "seed of the data generator; the same seed gives the same statements");
  public static final Setting<Integer> GENERATOR_RATE =
      Setting.integer(
          "dp.generator.rate",
          "DP_GENERATOR_RATE",
          20,
          0,
          100_000,
          "changes per second the generator writes (0 = as fast as it can)");
  public static final Setting<Integer> GENERATOR_COUNT =
      Setting.integer(
          "dp.generator.count",
          "DP_GENERATOR_COUNT",
          0,
          0,
          Integer.MAX_VALUE,
          "changes after which the generator stops (0 = runs until dp down)");
  public static final Setting<String> KAFKA_HEAP =
      Setting.heap("dp.kafka.heap", "DP_KAFKA_HEAP", "512m", "max heap of the Kafka broker");
  public static final Setting<String> CONNECT_HEAP =
      Setting.heap(
          "dp.connect.heap", "DP_CONNECT_HEAP", "384m", "max heap of Kafka Connect (debezium)");
  public static final Setting<String> GENERATOR_HEAP =
      Setting.heap(
          "dp.generator.heap", "DP_GENERATOR_HEAP", "128m", "max heap of the data generator");
  public static final Setting<String> CONSOLE_HEAP =
      Setting.heap(
          "dp.console.heap", "DP_CONSOLE_HEAP", "256m", "max heap of the web console (kafka-ui)");
  public static final Setting<String> HDFS_HEAP =
      Setting.heap("dp.hdfs.heap", "DP_HDFS_HEAP", "256m", "max heap of the namenode and datanode");
  public static final Setting<String> YARN_HEAP =
      Setting.heap(
          "dp.yarn.heap", "DP_YARN_HEAP", "320m", "max heap of the resource and node managers");
  public static final Setting<String> HMS_HEAP =
      Setting.heap("dp.hms.heap", "DP_HMS_HEAP", "384m", "max heap of the Hive Metastore");
  public static final Setting<String> SPARK_DAEMON_HEAP =
      Setting.heap(
          "dp.spark.daemon.heap",
          "DP_SPARK_DAEMON_HEAP",
          "256m",
          "max heap of the Spark master and worker daemons");
  public static final Setting<String> SPARK_DRIVER_HEAP =
      Setting.heap(
          "dp.spark.driver.heap", "DP_SPARK_DRIVER_HEAP", "768m", "max heap of each Spark driver");
  public static final Setting<String> SPARK_JAVA_OPTIONS =
      Setting.text(
          "dp.spark.java-options",
          "DP_SPARK_JAVA_OPTIONS",
          "-XX:ReservedCodeCacheSize=128m",
          "JVM options of the Spark drivers and executors (a Spark job generates many classes:"
              + " room for their compiled code)");
  public static final Setting<String> SPARK_QUICK_START_JAVA_OPTIONS =
      Setting.text(
          "dp.spark.quick-start.java-options",
          "DP_SPARK_QUICK_START_JAVA_OPTIONS",
          "-XX:TieredStopAtLevel=1",
          "JVM options added for the one-shot Spark jobs (audits, checks), which must be quick"
              + " from a cold start: the client compiler only; the long-running ingest and process"
              + " jobs keep the optimising compiler for their throughput");
  public static final Setting<String> SPARK_EXECUTOR_MEMORY =
      Setting.heap(
          "dp.spark.executor.memory",
          "DP_SPARK_EXECUTOR_MEMORY",
          "768m",
          "memory of each Spark executor");
  public static final Setting<String> SPARK_WORKER_MEMORY =
      Setting.heap(
          "dp.spark.worker.memory",
          "DP_SPARK_WORKER_MEMORY",
          "3g",
          "memory the Spark worker offers to executors");
  public static final Setting<Integer> SPARK_WORKER_CORES =
      Setting.integer(
          "dp.spark.worker.cores",
          "DP_SPARK_WORKER_CORES",
          4,
          1,
          256,
          "task slots the Spark worker offers (may exceed the machine's cores: the ingest and"
              + " process jobs hold one each for as long as they run, one-off jobs need more)");
  public static final Setting<Integer> INGEST_TRIGGER_MILLIS =
      Setting.integer(
          "dp.ingest.trigger-millis",
          "DP_INGEST_TRIGGER_MILLIS",
          1_000,
          100,
          3_600_000,
          "milliseconds between the starts of the ingest job's micro-batches (when there is new"
              + " data; a batch that takes longer is followed at once)");
  public static final Setting<Integer> INGEST_MAX_OFFSETS =
      Setting.integer(
          "dp.ingest.max-offsets",
          "DP_INGEST_MAX_OFFSETS",
          20_000,
          100,
          10_000_000,
          "most Kafka records one ingest micro-batch takes (all topics together)");
  public static final Setting<Integer> INGEST_MAX_RECORDS_PER_TASK =
      Setting.integer(
          "dp.ingest.max-records-per-task",
          "DP_INGEST_MAX_RECORDS_PER_TASK",
          5_000,
          100,
          1_000_000,
          "most Kafka records one Spark task of the ingest job reads (bounds executor memory"
              + " whatever a batch or a source transaction holds)");
  public static final Setting<Integer> INGEST_PARALLELISM =
      Setting.integer(
          "dp.ingest.parallelism",
          "DP_INGEST_PARALLELISM",
          4,
          1,
          16,
          "tables the ingest job writes at the same time within a micro-batch");
  public static final Setting<Integer> INGEST_COMPACT_EVERY_COMMITS =
      Setting.integer(
          "dp.ingest.compact-every-commits",
          "DP_INGEST_COMPACT_EVERY_COMMITS",
          50,
          0,
          100_000,
          "commits of the ingest job to a Delta table (bronze, quarantine, a silver table) between"
              + " two compactions of it (OPTIMIZE); 0 never compacts");
  public static final Setting<Integer> INGEST_EXECUTOR_CORES =
      Setting.integer(
          "dp.ingest.executor-cores",
          "DP_INGEST_EXECUTOR_CORES",
          2,
          1,
          64,
          "task slots of the ingest job's executor on the Spark worker");
  public static final Setting<Integer> PROCESS_POLL_MILLIS =
      Setting.integer(
          "dp.process.poll-millis",
          "DP_PROCESS_POLL_MILLIS",
          1_000,
          100,
          3_600_000,
          "milliseconds between the process job's checks for new silver versions (a directory"
              + " listing per table, no Spark job)");
  public static final Setting<Integer> WATCHDOG_ENABLED =
      Setting.integer(
          "dp.watchdog.enabled",
          "DP_WATCHDOG_ENABLED",
          1,
          0,
          1,
          "1: dp up starts the watchdog, which restarts services that die; 0: nothing restarts"
              + " them");
  public static final Setting<Integer> WATCHDOG_POLL_MILLIS =
      Setting.integer(
          "dp.watchdog.poll-millis",
          "DP_WATCHDOG_POLL_MILLIS",
          1_000,
          100,
          60_000,
          "milliseconds between the watchdog's looks at the services' processes");
  public static final Setting<Integer> WATCHDOG_MAX_RESTARTS =
      Setting.integer(
          "dp.watchdog.max-restarts",
          "DP_WATCHDOG_MAX_RESTARTS",
          5,
          0,
          1_000,
          "deaths of one service within dp.watchdog.window-seconds after which it is a crash loop"
              + " and no longer restarted");
  public static final Setting<Integer> WATCHDOG_WINDOW_SECONDS =
      Setting.integer(
          "dp.watchdog.window-seconds",
          "DP_WATCHDOG_WINDOW_SECONDS",
          600,
          10,
          86_400,
          "the window in which dp.watchdog.max-restarts deaths make a crash loop");
  public static final Setting<Integer> WATCHDOG_BACKOFF_MAX_SECONDS =
      Setting.integer(
          "dp.watchdog.backoff-max-seconds",
          "DP_WATCHDOG_BACKOFF_MAX_SECONDS",
          30,
          0,
          3_600,
          "longest wait before a restart; the wait doubles from 1 s with each recent death");
  public static final Setting<String> POSTGRES_BIN =
      Setting.text(
          "dp.postgres.bin",
          "DP_POSTGRES_BIN",
          "auto",
          "directory of the PostgreSQL server binaries (auto = newest"
              + " /usr/lib/postgresql/*/bin)");
  public static final Setting<String> POSTGRES_SHARED_BUFFERS =
      Setting.text(
          "dp.postgres.shared-buffers",
          "DP_POSTGRES_SHARED_BUFFERS",
          "64MB",
          "shared_buffers of each PostgreSQL cluster");

  public static final Setting<Integer> HEALTH_TIMEOUT_SECONDS =
      Setting.integer(
          "dp.health.timeout-seconds",
          "DP_HEALTH_TIMEOUT_SECONDS",
          20,
          2,
          600,
          "bound of one dp health run: a check without an answer by then FAILs");
  public static final Setting<Integer> HEALTH_PROBE_TIMEOUT_MILLIS =
      Setting.integer(
          "dp.health.probe-timeout-millis",
          "DP_HEALTH_PROBE_TIMEOUT_MILLIS",
          3_000,
          100,
          60_000,
          "timeout of every call a health check makes (HTTP, SQL, Kafka, Thrift)");
  public static final Setting<Integer> HEALTH_SAMPLE_MILLIS =
      Setting.integer(
          "dp.health.sample-millis",
          "DP_HEALTH_SAMPLE_MILLIS",
          2_000,
          0,
          30_000,
          "how long dp health watches a counter to see it grow (generator changes, source row"
              + " changes, topic end offsets)");
  public static final Setting<Integer> HEALTH_GENERATOR_STALE_SECONDS =
      Setting.integer(
          "dp.health.generator-stale-seconds",
          "DP_HEALTH_GENERATOR_STALE_SECONDS",
          30,
          1,
          86_400,
          "a running data generator whose last commit is older than this FAILs in dp health");
  public static final Setting<Integer> HEALTH_WAL_RETAINED_WARN_MB =
      Setting.integer(
          "dp.health.wal-retained-warn-mb",
          "DP_HEALTH_WAL_RETAINED_WARN_MB",
          256,
          1,
          1_000_000,
          "WAL held by Debezium's replication slot above which dp health WARNs (MB)");
  public static final Setting<Integer> HEALTH_WAL_RETAINED_FAIL_MB =
      Setting.integer(
          "dp.health.wal-retained-fail-mb",
          "DP_HEALTH_WAL_RETAINED_FAIL_MB",
          1_024,
          1,
          1_000_000,
          "WAL held by the slot above which dp health FAILs (MB; postgres-source drops the slot at"
              + " max_slot_wal_keep_size = 2GB)");
  public static final Setting<Integer> HEALTH_INGEST_LAG_WARN_RECORDS =
      Setting.integer(
          "dp.health.ingest-lag-warn-records",
          "DP_HEALTH_INGEST_LAG_WARN_RECORDS",
          50_000,
          1,
          Integer.MAX_VALUE,
          "Kafka records the ingest job may be behind before dp health WARNs");
  public static final Setting<Integer> HEALTH_INGEST_STALL_SECONDS =
      Setting.integer(
          "dp.health.ingest-stall-seconds",
          "DP_HEALTH_INGEST_STALL_SECONDS",
          120,
          5,
          86_400,
          "an ingest job behind Kafka that has not reported progress for this long FAILs");
  public static final Setting<Integer> HEALTH_PROCESS_STALL_SECONDS =
      Setting.integer(
          "dp.health.process-stall-seconds",
          "DP_HEALTH_PROCESS_STALL_SECONDS",
          120,
          5,
          86_400,
          "a process job that has not looked at silver for this long, or gold older than a silver"
              + " version visible for this long, FAILs");
  public static final Setting<Integer> HEALTH_HDFS_FREE_WARN_PERCENT =
      Setting.integer(
          "dp.health.hdfs-free-warn-percent",
          "DP_HEALTH_HDFS_FREE_WARN_PERCENT",
          10,
          0,
          100,
          "HDFS capacity left (percent) below which dp health WARNs");
  public static final Setting<Integer> HEALTH_HDFS_FREE_FAIL_PERCENT =
      Setting.integer(
          "dp.health.hdfs-free-fail-percent",
          "DP_HEALTH_HDFS_FREE_FAIL_PERCENT",
          2,
          0,
          100,
          "HDFS capacity left (percent) below which dp health FAILs");
  public static final Setting<String> OPENMETADATA_URL =
      Setting.optionalUrl(
          "dp.openmetadata.url",
          "DP_OPENMETADATA_URL",
          "OpenMetadata server (API) of a compose deployment, e.g. http://localhost:8585; empty:"
              + " dp health skips its OpenMetadata checks");
  public static final Setting<String> OPENMETADATA_ADMIN_URL =
      Setting.optionalUrl(
          "dp.openmetadata.admin-url",
          "DP_OPENMETADATA_ADMIN_URL",
          "OpenMetadata admin endpoint (/healthcheck); empty: the server URL's host on the"
              + " catalog's admin port (8586)");
  public static final Setting<String> OPENMETADATA_TOKEN =
      Setting.optionalSecret(
          "dp.openmetadata.token",
          "DP_OPENMETADATA_TOKEN",
          "JWT of an OpenMetadata admin or bot: lets dp health read /api/v1/system/status (its"
              + " database, search, migrations and ingestion checks); may stay empty");

  /** All settings, in the order {@code dp config} lists them. */
  public static final List<Setting<?>> ALL =
      List.of(
          HOME,
          PORT_OFFSET,
          BIND_ADDRESS,
          START_TIMEOUT_SECONDS,
          STOP_TIMEOUT_SECONDS,
          SOURCE_PASSWORD_SETTING,
          DEST_PASSWORD_SETTING,
          HMS_PASSWORD_SETTING,
          GENERATOR_SEED,
          GENERATOR_RATE,
          GENERATOR_COUNT,
          KAFKA_HEAP,
          CONNECT_HEAP,
          GENERATOR_HEAP,
          CONSOLE_HEAP,
          HDFS_HEAP,
          YARN_HEAP,
          HMS_HEAP,
          SPARK_DAEMON_HEAP,
          SPARK_DRIVER_HEAP,
          SPARK_JAVA_OPTIONS,
          SPARK_QUICK_START_JAVA_OPTIONS,
          SPARK_EXECUTOR_MEMORY,
          SPARK_WORKER_MEMORY,
          SPARK_WORKER_CORES,
          INGEST_TRIGGER_MILLIS,
          INGEST_MAX_OFFSETS,
          INGEST_MAX_RECORDS_PER_TASK,
          INGEST_PARALLELISM,
          INGEST_COMPACT_EVERY_COMMITS,
          INGEST_EXECUTOR_CORES,
          PROCESS_POLL_MILLIS,
          WATCHDOG_ENABLED,
          WATCHDOG_POLL_MILLIS,
          WATCHDOG_MAX_RESTARTS,
          WATCHDOG_WINDOW_SECONDS,
          WATCHDOG_BACKOFF_MAX_SECONDS,
          POSTGRES_BIN,
          POSTGRES_SHARED_BUFFERS,
          HEALTH_TIMEOUT_SECONDS,
          HEALTH_PROBE_TIMEOUT_MILLIS,
          HEALTH_SAMPLE_MILLIS,
          HEALTH_GENERATOR_STALE_SECONDS,
          HEALTH_WAL_RETAINED_WARN_MB,
          HEALTH_WAL_RETAINED_FAIL_MB,
          HEALTH_INGEST_LAG_WARN_RECORDS,
          HEALTH_INGEST_STALL_SECONDS,
          HEALTH_PROCESS_STALL_SECONDS,
          HEALTH_HDFS_FREE_WARN_PERCENT,
          HEALTH_HDFS_FREE_FAIL_PERCENT,
          OPENMETADATA_URL,
          OPENMETADATA_ADMIN_URL,
          OPENMETADATA_TOKEN);

  private DpSettings() {}

  /** The declared setting with the given key. */
  public static Setting<?> byKey(String key) {
    return ALL.stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
  }
}
