package dev.dp.contracts;

import java.nio.file.Path;

/**
 * What {@code spark-job-ingest} is started with: written by the launcher to {@code
 * DP_HOME/run/dp_spark_ingest.settings.json}, whose path is the job's only argument. The values
 * come from the declared dp settings; the job repeats no default.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param checkpoint the streaming checkpoint directory (HDFS URI)
 * @param progressFile where to write {@link IngestProgress}
 * @param visibilityFile where to append {@link Visibility} records
 * @param triggerMillis micro-batch trigger interval
 * @param maxOffsetsPerTrigger most Kafka records one micro-batch reads
 * @param maxRecordsPerTask most records one task of a micro-batch handles (bounds executor memory
 *     whatever a source transaction holds)
 * @param parallelism tables written concurrently within a micro-batch
 * @param compactEveryCommits commits to a Delta table between two compactions of it (0: never)
 */
public record IngestJobSettings(
    String bootstrapServers,
    String checkpoint,
    Path progressFile,
    Path visibilityFile,
    long triggerMillis,
    long maxOffsetsPerTrigger,
    long maxRecordsPerTask,
    int parallelism,
    int compactEveryCommits) {

  /** Reads the settings file the launcher wrote. */
  public static IngestJobSettings read(Path file) {
    return ProgressFile.read(file, IngestJobSettings.class)
        .orElseThrow(() -> new IllegalArgumentException("no ingest job settings at " + file));
  }
}
