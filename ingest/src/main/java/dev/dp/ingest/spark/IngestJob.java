package dev.dp.ingest.spark;

import dev.dp.catalog.LakehouseLayout;
import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestJobSettings;
import dev.dp.contracts.VisibilityLog;
import dev.dp.lakehouse.ExitWhenApplicationEnds;
import dev.dp.lakehouse.LakehouseSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * {@code spark-job-ingest}: one Structured Streaming query over the 15 source topics, applying each
 * micro-batch to bronze, silver and quarantine ({@link IngestBatch}). Lost Kafka offsets fail the
 * query ({@code failOnDataLoss} stays true): lost data is an error, not a skip.
 *
 * <p>Argument: the path of its {@link IngestJobSettings} file.
 */
public final class IngestJob {

  private IngestJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: IngestJob <settings file (JSON, IngestJobSettings)>");
      System.exit(2);
    }
    IngestJobSettings settings = IngestJobSettings.read(Path.of(args[0]));

    SparkSession spark = LakehouseSession.create("spark-job-ingest");
    ExitWhenApplicationEnds.install(spark, "spark-job-ingest");
    spark.sql("CREATE DATABASE IF NOT EXISTS " + LakehouseLayout.BRONZE);
    spark.sql("CREATE DATABASE IF NOT EXISTS " + LakehouseLayout.SILVER);
    ProgressReporter progress = new ProgressReporter(settings.progressFile());
    IngestBatch batch =
        new IngestBatch(
            spark,
            runId(spark, settings.checkpoint()),
            progress,
            new VisibilityLog(settings.visibilityFile()),
            settings.parallelism(),
            settings.compactEveryCommits());

    // The committed end offsets of every partition (also those without new records), as Spark
    // reports them after each batch and periodically when idle: what the Kafka lag is measured
    // against.
    spark.streams().addListener(new CommittedOffsets(progress));
    Dataset<Row> kafka =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", settings.bootstrapServers())
            .option("subscribe", String.join(",", SourceTables.topics()))
            .option("startingOffsets", "earliest")
            .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
            // Splits a large offset range (one big source transaction) into several tasks, so no
            // task holds more than this many records: memory bounded whatever the batch.
            .option("maxRecordsPerPartition", settings.maxRecordsPerTask())
            .load();
    StreamingQuery query =
        kafka
            .writeStream()
            .queryName("dp-ingest")
            .option("checkpointLocation", settings.checkpoint())
            .trigger(Trigger.ProcessingTime(settings.triggerMillis()))
            .foreachBatch((VoidFunction2<Dataset<Row>, Long>) batch::process)
            .start();
    progress.started();
    System.out.println(
        "Ingest query started: " + query.id() + ", checkpoint " + settings.checkpoint());
    query.awaitTermination();
  }

  /**
   * An id for this checkpoint's lifetime, stored beside it: the exactly-once appends use it as
   * their {@code txnAppId}, so a new checkpoint (whose batch ids restart at 0) is never mistaken
   * for a replay of the old one.
   */
  private static String runId(SparkSession spark, String checkpoint) throws IOException {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(checkpoint + "-run-id");
    FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(file) && fs.exists(new org.apache.hadoop.fs.Path(checkpoint))) {
      try (var in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    }
    String id = UUID.randomUUID().toString();
    try (FSDataOutputStream out = fs.create(file, true)) {
      out.write(id.getBytes(StandardCharsets.UTF_8));
    }
    return id;
  }
}
