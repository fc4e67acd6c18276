package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.ProgressFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the pipeline has caught up with the source: Debezium has published every change committed
 * before a given WAL position, the ingest job has committed every Kafka record of the source
 * topics, and the process job has looked at silver since then and found gold up to date with it.
 * Only then do gold and the oracle describe the same source state (provided nothing writes to the
 * source meanwhile).
 */
public final class PipelineCatchUp {

  private PipelineCatchUp() {}

  /** The process job's progress document, empty before it reports. */
  public static Optional<ProcessProgress> processProgress(DpConfig config) {
    Path file =
        SparkJobLauncher.progressFile(
            config, config.catalog().require("spark-job-process").container());
    try {
      return ProgressFile.read(file, ProcessProgress.class);
    } catch (UncheckedIOException e) {
      return Optional.empty(); // being replaced: the next poll reads it
    }
  }

  /**
   * Ready once the pipeline has caught up with every source change committed before {@code
   * sourceLsn} (see {@link SourceCapture#currentLsn}); otherwise says what is still behind.
   */
  public static Readiness probe(DpConfig config, String sourceLsn) {
    Readiness published = SourceCapture.published(config, sourceLsn);
    if (!published.ready()) {
      return published;
    }
    Optional<IngestReport> ingest = IngestReport.read(config);
    if (ingest.isEmpty()) {
      return Readiness.notYet("spark-job-ingest has not reported progress (is it running?)");
    }
    IngestReport in = ingest.get();
    if (!in.lagKnown()) {
      return Readiness.notYet("Kafka does not answer, so the ingest lag is unknown");
    }
    if (in.totalLag() > 0) {
      return Readiness.notYet("spark-job-ingest is " + in.totalLag() + " Kafka record(s) behind");
    }
    Optional<ProcessProgress> process = processProgress(config);
    if (process.isEmpty()) {
      return Readiness.notYet("spark-job-process has not reported progress (is it running?)");
    }
    ProcessProgress p = process.get();
    if (!p.upToDate()) {
      String waiting = String.join(",", p.waitingFor());
      return Readiness.notYet(
          "spark-job-process has not refreshed gold from the newest silver versions"
              + (waiting.isEmpty() ? "" : " (silver tables not created yet: " + waiting + ")"));
    }
    Instant checked = p.checkedAt();
    if (in.updatedAt() != null && !checked.isAfter(in.updatedAt())) {
      return Readiness.notYet(
          "spark-job-process has not looked at silver since the ingest job's last micro-batch");
    }
    return Readiness.ready(
        "ingest lag 0; gold refreshed from silver versions " + p.silverVersions());
  }
}
