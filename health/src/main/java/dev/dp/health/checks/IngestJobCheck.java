package dev.dp.health.checks;

import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProgressFile;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import dev.dp.stack.IngestReport;
import dev.dp.stack.KafkaAdmin;
import dev.dp.stack.SparkJobLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * Step 11, spark-job-ingest: its application has executors on the cluster; its last micro-batch
 * (progress file in {@code DP_HOME/run}) and how long ago; its Kafka lag (the topics' end offsets
 * minus the offsets it committed), WARN above {@code dp.health.ingest-lag-warn-records} and FAIL
 * when it is behind without progress for {@code dp.health.ingest-stall-seconds}; rows applied and
 * events quarantined since it started.
 */
public final class IngestJobCheck implements HealthCheck<IngestJobCheck.Observation> {

  static final String SERVICE = "spark-job-ingest";

  /**
   * What the probe saw.
   *
   * @param progressFile where the job reports
   * @param progress its last report, empty before the first
   * @param endOffsets end offset per {@code topic:partition} of the 15 topics, empty when unknown
   * @param kafkaError why the end offsets are unknown, or empty
   * @param master the master's status, empty when it did not answer
   * @param logHint where its log is
   * @param uptime how long its driver has run
   * @param now when it was seen
   */
  public record Observation(
      Path progressFile,
      Optional<IngestProgress> progress,
      Map<String, Long> endOffsets,
      String kafkaError,
      Optional<SparkMasterStatus> master,
      String logHint,
      Duration uptime,
      Instant now)
      implements SparkApps.JobObservation {

    @Override
    public boolean progressReported() {
      return progress.isPresent();
    }
  }

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(11, "Spark Ingest Job", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) throws InterruptedException {
    String container = ctx.config().catalog().require(SERVICE).container();
    Path file = SparkJobLauncher.progressFile(ctx.config(), container);
    ctx.doing("reading " + file);
    Optional<IngestProgress> progress;
    try {
      progress = ProgressFile.read(file, IngestProgress.class);
    } catch (UncheckedIOException e) {
      progress = Optional.empty(); // replaced while read: seen as not reported this time
    }
    Map<String, Long> ends = Map.of();
    String kafkaError = "";
    int timeout = ctx.thresholds().callTimeoutMillis();
    try (Admin admin = ctx.kafka()) {
      ctx.doing("reading the change topics' end offsets");
      ends = KafkaAdmin.endOffsets(admin, SourceTables.topics(), timeout);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      kafkaError = Text.error(e);
    }
    Optional<SparkMasterStatus> master;
    try {
      master = Optional.of(SparkMasterStatus.fetch(ctx));
    } catch (IOException e) {
      master = Optional.empty();
    }
    return new Observation(
        file,
        progress,
        ends,
        kafkaError,
        master,
        ctx.process(SERVICE).logHint(),
        Duration.ofSeconds(Math.max(0, ctx.process(SERVICE).uptimeSeconds())),
        ctx.now());
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    boolean starting = o.uptime().compareTo(t.ingestStall()) <= 0;
    Optional<Verdict> early = SparkApps.beforeProgress(SERVICE, o, starting);
    if (early.isPresent()) {
      return early.get();
    }
    IngestProgress p = o.progress().get();
    IngestReport report = IngestReport.of(p, o.endOffsets());
    Long lag = report.totalLag();
    long rows = report.tables().stream().mapToLong(IngestReport.TableProgress::rowsApplied).sum();
    Duration age = p.updatedAt() == null ? o.uptime() : Duration.between(p.updatedAt(), o.now());
    String batch =
        p.anyBatchApplied()
            ? "micro-batch "
                + p.batchId()
                + " committed, progress "
                + Text.ago(p.updatedAt(), o.now())
            : "no micro-batch yet, progress " + Text.ago(p.updatedAt(), o.now());
    String lagText =
        lag == null ? "Kafka lag unknown (" + o.kafkaError() + ")" : "Kafka lag " + lag;
    String figures =
        batch
            + "; "
            + lagText
            + "; "
            + rows
            + " silver rows applied and "
            + p.quarantined()
            + " event(s) quarantined since it started";
    Verdict v;
    if (lag != null && lag > 0 && age.compareTo(t.ingestStall()) > 0) {
      v =
          Verdict.fail(
              "stuck: " + lag + " Kafka records behind and no progress for " + Text.duration(age),
              o.logHint());
    } else if (lag != null && lag > t.ingestLagWarnRecords()) {
      v =
          Verdict.warn(
              figures + " (above the warning bound of " + t.ingestLagWarnRecords() + ")",
              "./dp status shows the lag per table");
    } else if (lag == null) {
      v = Verdict.warn(figures, "see step 3 (kafka)");
    } else {
      v = Verdict.pass(figures);
    }
    return v.with("batch_id", p.batchId())
        .with("progress_age_seconds", Math.max(0, age.toSeconds()))
        .with("kafka_lag", lag)
        .with("rows_applied", rows)
        .with("quarantined", p.quarantined())
        .with(
            "executor_cores",
            o.master().flatMap(m -> m.app(SERVICE)).map(SparkMasterStatus.App::cores).orElse(null));
  }
}
