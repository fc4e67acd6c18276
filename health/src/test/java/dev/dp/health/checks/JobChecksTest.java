package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.contracts.IngestProgress;
import dev.dp.contracts.ProcessProgress;
import dev.dp.contracts.Stage;
import dev.dp.contracts.Visibility;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Steps 11 (spark-job-ingest) and 12 (spark-job-process). */
class JobChecksTest {

  private static final Instant NOW = Fixtures.NOW;
  private static final String LOG = "./dp logs dp_spark_x (/stack/logs/dp_spark_x.log)";

  private static Optional<SparkMasterStatus> master(int ingestCores, int processCores) {
    return Optional.of(
        new SparkMasterStatus(
            "ALIVE",
            List.of(),
            List.of(
                new SparkMasterStatus.App("a1", "spark-job-ingest", "RUNNING", ingestCores, 768),
                new SparkMasterStatus.App(
                    "a2", "spark-job-process", "RUNNING", processCores, 768))));
  }

  // ---- step 11 ----

  /** Progress consumed every topic up to 100 per partition, written {@code ageSeconds} ago. */
  private static IngestProgress ingestProgress(long ageSeconds) {
    Map<String, Long> next = new HashMap<>();
    SourceTables.topics().forEach(t -> next.put(t + ":0", 100L));
    return new IngestProgress(
        7,
        NOW.minusSeconds(ageSeconds),
        2,
        Map.of("alerts", new IngestProgress.Table(50, 1, null, null, null)),
        next,
        List.of());
  }

  /** End offsets with {@code lag} more records in the alerts topic. */
  private static Map<String, Long> ends(long lag) {
    Map<String, Long> ends = new HashMap<>();
    SourceTables.topics().forEach(t -> ends.put(t + ":0", 100L));
    ends.put("jadc2_db.public.alerts:0", 100 + lag);
    return ends;
  }

  private static Verdict ingest(
      Optional<IngestProgress> p, Map<String, Long> ends, Optional<SparkMasterStatus> m, long up) {
    return new IngestJobCheck()
        .verdict(
            new IngestJobCheck.Observation(
                Path.of("/stack/run/dp_spark_ingest.progress.json"),
                p,
                ends,
                ends.isEmpty() ? "TimeoutException" : "",
                m,
                LOG,
                Duration.ofSeconds(up),
                NOW),
            Fixtures.thresholds());
  }

  @Test
  void anIngestJobKeepingUpPasses() {
    Verdict v = ingest(Optional.of(ingestProgress(3)), ends(0), master(2, 1), 600);
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail())
        .isEqualTo(
            "micro-batch 7 committed, progress 3s ago; Kafka lag 0; 50 silver rows applied and 2"
                + " event(s) quarantined since it started");
    assertThat(v.evidence()).containsEntry("kafka_lag", 0L).containsEntry("executor_cores", 2);
  }

  @Test
  void lagWarnsAboveItsBoundAndFailsWhenTheJobMakesNoProgress() {
    assertThat(ingest(Optional.of(ingestProgress(3)), ends(50_000), master(2, 1), 600).status())
        .as("at the bound")
        .isEqualTo(Status.PASS);
    assertThat(ingest(Optional.of(ingestProgress(3)), ends(60_000), master(2, 1), 600).status())
        .isEqualTo(Status.WARN);
    Verdict stuck = ingest(Optional.of(ingestProgress(121)), ends(10), master(2, 1), 600);
    assertThat(stuck.status()).isEqualTo(Status.FAIL);
    assertThat(stuck.detail())
        .isEqualTo("stuck: 10 Kafka records behind and no progress for 2m01s");
    assertThat(ingest(Optional.of(ingestProgress(500)), ends(0), master(2, 1), 600).status())
        .as("idle without lag is fine")
        .isEqualTo(Status.PASS);
  }

  @Test
  void anIngestJobWithoutExecutorsFails() {
    Verdict v = ingest(Optional.of(ingestProgress(3)), ends(0), master(0, 1), 600);
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("no executor");
    assertThat(v.next()).contains("step 10");
  }

  @Test
  void noProgressWarnsWhileStartingAndFailsLater() {
    assertThat(ingest(Optional.empty(), ends(0), master(2, 1), 30).status()).isEqualTo(Status.WARN);
    assertThat(ingest(Optional.empty(), ends(0), master(2, 1), 600).status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void anUnknownLagWarns() {
    assertThat(ingest(Optional.of(ingestProgress(3)), Map.of(), master(2, 1), 600).status())
        .isEqualTo(Status.WARN);
  }

  // ---- step 12 ----

  private static ProcessProgress processProgress(long checkedAgo, boolean refreshing) {
    return new ProcessProgress(
        4,
        5,
        NOW.minusSeconds(checkedAgo),
        !refreshing,
        List.of(),
        refreshing ? null : Map.of("alerts", 10L),
        refreshing ? Map.of("alerts", 11L) : null,
        new ProcessProgress.Refresh(NOW.minusSeconds(20), 2.5, "full", Map.of()));
  }

  private static Visibility silver(long secondsAgo, String table, long version) {
    return new Visibility(
        Stage.SILVER,
        1,
        NOW.minusSeconds(secondsAgo),
        Map.of(table, new Visibility.Table(version, List.of())));
  }

  private static final ProcessJobCheck.Watermark WATERMARK =
      new ProcessJobCheck.Watermark(9, NOW.minusSeconds(20), Map.of("alerts", 10L, "units", 4L));

  private static Verdict process(ProcessProgress p, List<Visibility> silver) {
    return new ProcessJobCheck()
        .verdict(
            new ProcessJobCheck.Observation(
                Path.of("/stack/run/dp_spark_process.progress.json"),
                Optional.of(p),
                Optional.of(WATERMARK),
                "",
                silver,
                master(2, 1),
                LOG,
                Duration.ofSeconds(900),
                NOW),
            Fixtures.thresholds());
  }

  @Test
  void goldUpToDateWithSilverPasses() {
    Verdict v = process(processProgress(1, false), List.of(silver(30, "alerts", 10)));
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail())
        .startsWith(
            "gold up to date with silver (checked 1s ago); last refresh 9 committed 20s ago"
                + " (full, 2.5 s)");
  }

  @Test
  void goldBehindANewSilverVersionPassesWhileRecentAndFailsOnceOlderThanTheBound() {
    assertThat(process(processProgress(1, true), List.of(silver(5, "alerts", 11))).detail())
        .startsWith("refreshing: 1 silver table(s) newer than gold");
    Verdict stuck =
        process(
            processProgress(1, false), List.of(silver(130, "alerts", 11), silver(5, "alerts", 12)));
    assertThat(stuck.status()).isEqualTo(Status.FAIL);
    assertThat(stuck.detail())
        .startsWith(
            "gold is behind silver: alerts has version 12, gold read 10, and a newer version"
                + " is visible since 2m10s ago");
  }

  @Test
  void silverRecordsOlderThanTheRefreshAreFromAWipedLakehouse() {
    // visible 10 minutes before the refresh that read version 10, yet version 50: not this
    // lakehouse
    assertThat(process(processProgress(1, false), List.of(silver(620, "alerts", 50))).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void aProcessJobThatStoppedLookingFailsUnlessARefreshRuns() {
    assertThat(process(processProgress(121, false), List.of()).status()).isEqualTo(Status.FAIL);
    assertThat(process(processProgress(121, true), List.of()).status()).isEqualTo(Status.WARN);
  }

  @Test
  void theVisibilityTailSkipsTornLines() {
    String line = dev.dp.contracts.Json.line(silver(1, "alerts", 3));
    assertThat(ProcessJobCheck.silverRecords(List.of("{\"stage\":\"SIL", line, ""))).hasSize(1);
  }
}
