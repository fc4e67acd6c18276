package dev.dp.process.spark;

import dev.dp.contracts.ProcessJobSettings;
import dev.dp.contracts.VisibilityLog;
import dev.dp.lakehouse.DeltaVersions;
import dev.dp.lakehouse.ExitWhenApplicationEnds;
import dev.dp.lakehouse.LakehouseSession;
import dev.dp.process.GoldRows;
import dev.dp.process.GoldTable;
import dev.dp.process.GoldWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-job-process}: keeps the five gold tables in {@code postgres-dest} equal to what the
 * gold SQL computes over silver. Every poll it reads the silver tables' current Delta versions (a
 * directory listing, no Spark job); when they equal the last refresh's watermark it does nothing,
 * otherwise it computes every gold table from silver pinned at those versions and writes the
 * difference plus the new watermark in one transaction ({@link GoldWriter}).
 *
 * <p>Argument: the path of its {@link ProcessJobSettings} file; the password is read from the
 * environment variable {@link ProcessJobSettings#PASSWORD_ENV}.
 */
public final class ProcessJob {

  private final SparkSession spark;
  private final FileSystem fs;
  private final String url;
  private final Properties props;
  private final RefreshReporter progress;
  private final Map<GoldTable, String> queries = new EnumMap<>(GoldTable.class);
  private final Set<String> silverTables = new TreeSet<>();
  private long refreshes;

  private ProcessJob(SparkSession spark, String url, Properties props, RefreshReporter progress)
      throws Exception {
    this.spark = spark;
    this.fs = FileSystem.get(spark.sparkContext().hadoopConfiguration());
    this.url = url;
    this.props = props;
    this.progress = progress;
    for (GoldTable t : GoldTable.values()) {
      queries.put(t, PinnedSilver.rewrite(t.sparkSql()));
      silverTables.addAll(PinnedSilver.tablesIn(t.sparkSql()));
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ProcessJob <settings file (JSON, ProcessJobSettings)>");
      System.exit(2);
    }
    ProcessJobSettings settings = ProcessJobSettings.read(Path.of(args[0]));
    String password = System.getenv(ProcessJobSettings.PASSWORD_ENV);
    if (password == null) {
      System.err.println(
          "the environment variable " + ProcessJobSettings.PASSWORD_ENV + " is not set");
      System.exit(2);
    }
    Properties props = new Properties();
    props.setProperty("user", settings.destUser());
    props.setProperty("password", password);
    long pollMillis = settings.pollMillis();

    SparkSession spark = LakehouseSession.create("spark-job-process");
    ExitWhenApplicationEnds.install(spark, "spark-job-process");
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    ProcessJob job =
        new ProcessJob(
            spark,
            settings.destJdbcUrl(),
            props,
            new RefreshReporter(
                settings.progressFile(), new VisibilityLog(settings.visibilityFile())));
    try (Connection c = job.connect()) {
      GoldWriter.ensureSchema(c);
    }
    System.out.println(
        "Process job started: gold tables "
            + job.queries.keySet().stream().map(GoldTable::tableName).toList()
            + " from silver tables "
            + job.silverTables
            + ", checking every "
            + pollMillis
            + " ms");
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ScheduledFuture<?> polling =
        timer.scheduleWithFixedDelay(job::refreshIfChanged, 0, pollMillis, TimeUnit.MILLISECONDS);
    try {
      polling.get(); // runs until a refresh fails (or the process is stopped)
    } catch (ExecutionException e) {
      System.err.println("Process job failed: " + e.getCause());
      e.getCause().printStackTrace();
      System.exit(1);
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(url, props);
  }

  private void refreshIfChanged() {
    try {
      Instant listedAt = Instant.now();
      Map<String, Long> versions = DeltaVersions.silver(fs, silverTables);
      if (!versions.keySet().containsAll(silverTables)) {
        Set<String> missing = new TreeSet<>(silverTables);
        missing.removeAll(versions.keySet());
        progress.waiting(listedAt, missing);
        return;
      }
      try (Connection c = connect()) {
        if (versions.equals(GoldWriter.lastWatermark(c))) {
          progress.upToDate(listedAt, versions);
          return;
        }
        refresh(c, listedAt, versions);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("gold refresh failed: " + e.getMessage(), e);
    }
  }

  private void refresh(Connection c, Instant listedAt, Map<String, Long> versions)
      throws Exception {
    long t0 = System.nanoTime();
    progress.refreshing(listedAt, versions);
    List<Dataset<Row>> pinned = PinnedSilver.register(spark, versions);
    Map<GoldTable, List<List<Object>>> computed = new LinkedHashMap<>();
    try {
      for (Map.Entry<GoldTable, String> q : queries.entrySet()) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : spark.sql(q.getValue()).collectAsList()) {
          List<Object> raw = new ArrayList<>(r.size());
          for (int i = 0; i < r.size(); i++) {
            raw.add(r.get(i));
          }
          rows.add(GoldRows.normalise(q.getKey(), raw));
        }
        computed.put(q.getKey(), rows);
      }
    } finally {
      pinned.forEach(Dataset::unpersist);
    }
    Map<GoldTable, GoldRows.Diff> diffs = GoldWriter.write(c, computed, versions);
    Instant committedAt = Instant.now();
    double seconds = (System.nanoTime() - t0) / 1e9;
    progress.refreshed(listedAt, committedAt, versions, diffs, "full", seconds);
    System.out.printf(
        "Gold refresh %d: read silver versions %s; %s; %.1f s%n",
        refreshes++,
        versions,
        diffs.entrySet().stream()
            .map(
                e ->
                    e.getKey().tableName()
                        + " "
                        + computed.get(e.getKey()).size()
                        + " rows ("
                        + e.getValue().upserts().size()
                        + " upserted, "
                        + e.getValue().deletes().size()
                        + " deleted)")
            .collect(Collectors.joining(", ")),
        seconds);
  }
}
