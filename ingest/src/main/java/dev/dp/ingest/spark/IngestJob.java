package dev.dp.ingest.spark;

import dev.dp.catalog.LakehouseLayout;
import dev.dp.catalog.SourceTables;
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
 * <p>Arguments: {@code <bootstrap servers> <checkpoint dir> <progress file> [trigger seconds] [max
 * offsets per trigger] [tables written concurrently]}.
 */
public final class IngestJob {

  private IngestJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: IngestJob <bootstrap> <checkpoint dir> <progress file> [trigger s] [max offsets]"
              + " [parallelism]");
      System.exit(2);
    }
    String bootstrap = args[0];
    String checkpoint = args[1];
    Path progressFile = Path.of(args[2]);
    long triggerSeconds = args.length > 3 ? Long.parseLong(args[3]) : 5;
    long maxOffsets = args.length > 4 ? Long.parseLong(args[4]) : 20_000;
    int parallelism = args.length > 5 ? Integer.parseInt(args[5]) : 4;

    SparkSession spark = LakehouseSession.create("spark-job-ingest");
    spark.sql("CREATE DATABASE IF NOT EXISTS " + LakehouseLayout.BRONZE);
    spark.sql("CREATE DATABASE IF NOT EXISTS " + LakehouseLayout.SILVER);
    IngestProgress progress = new IngestProgress(progressFile);
    IngestBatch batch = new IngestBatch(spark, runId(spark, checkpoint), progress, parallelism);

    // The committed end offsets of every partition (also those without new records), as Spark
    // reports them after each batch and periodically when idle: what the Kafka lag is measured
    // against.
    spark.streams().addListener(new CommittedOffsets(progress));
    Dataset<Row> kafka =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", bootstrap)
            .option("subscribe", String.join(",", SourceTables.topics()))
            .option("startingOffsets", "earliest")
            .option("maxOffsetsPerTrigger", maxOffsets)
            .load();
    StreamingQuery query =
        kafka
            .writeStream()
            .queryName("dp-ingest")
            .option("checkpointLocation", checkpoint)
            .trigger(Trigger.ProcessingTime(triggerSeconds * 1000))
            .foreachBatch((VoidFunction2<Dataset<Row>, Long>) batch::process)
            .start();
    progress.started();
    System.out.println("Ingest query started: " + query.id() + ", checkpoint " + checkpoint);
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
