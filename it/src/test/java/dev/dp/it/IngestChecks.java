package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.SourceTables;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.IngestReport;
import dev.dp.stack.SourceCapture;
import dev.dp.stack.SparkJob;
import dev.dp.stack.SparkJobs;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Waiting for spark-job-ingest and auditing what it wrote, for the ingest ITs. */
final class IngestChecks {

  private IngestChecks() {}

  /**
   * Waits until Debezium has published every change committed in the source so far and the ingest
   * job has committed every record in the 15 topics (Kafka lag 0 in its progress), so nothing must
   * write to the source meanwhile.
   */
  static IngestReport awaitCaughtUp(LocalStack.Instance stack, Duration atMost) throws Exception {
    DpConfig config = stack.config(Map.of());
    String sourceLsn = SourceCapture.currentLsn(config);
    await("debezium published the source up to " + sourceLsn)
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> SourceCapture.published(config, sourceLsn).ready());
    AtomicReference<Optional<IngestReport>> last = new AtomicReference<>(Optional.empty());
    await("spark-job-ingest has committed every Kafka record (last report: " + last + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              Optional<IngestReport> report = IngestReport.read(config);
              last.set(report);
              return report.map(r -> r.lagKnown() && r.totalLag() == 0).orElse(false);
            });
    return last.get().orElseThrow();
  }

  /**
   * Runs {@code IngestCheckJob} (silver equals source, bronze holds each Kafka record exactly once,
   * quarantine listing) under its own log name, asserts that it passed and returns its output.
   */
  static String assertSilverEqualsSourceAndBronzeExactlyOnce(LocalStack.Instance stack, String name)
      throws Exception {
    DpConfig config = stack.config(Map.of());
    DatabaseEndpoint source = stack.source();
    SparkJob check =
        new SparkJob(
            "dp_it_ingest_check_" + name,
            "ingest",
            "dev.dp.ingest.spark.IngestCheckJob",
            List.of(source.jdbcUrl(), source.user(), stack.bootstrapServers()),
            Map.of("DP_SOURCE_PASSWORD", source.password()),
            Map.of(),
            SparkJob.Warmup.QUICK_START);
    Files.deleteIfExists(SparkJobs.log(config, check));
    int exit =
        SparkJobs.run(config, check, SparkJobs.ClusterManager.STANDALONE, Duration.ofMinutes(10));
    String log = Files.readString(SparkJobs.log(config, check));
    log.lines()
        .filter(l -> l.startsWith("SILVER CHECK") || l.startsWith("BRONZE CHECK"))
        .forEach(System.out::println);
    assertThat(log).as("check log " + SparkJobs.log(config, check)).contains("SILVER CHECK PASSED");
    assertThat(log).contains("BRONZE CHECK PASSED");
    for (String table : SourceTables.NAMES) {
      assertThat(log).contains("SILVER CHECK " + table + " EQUAL");
      assertThat(log).contains("BRONZE CHECK " + table + " EXACTLY-ONCE");
    }
    assertThat(exit).isZero();
    return log;
  }
}
