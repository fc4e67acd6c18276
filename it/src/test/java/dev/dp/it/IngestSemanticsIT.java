package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.SourceTables;
import dev.dp.stack.IngestReport;
import dev.dp.stack.Supervisor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * spark-job-ingest's CDC semantics on the real stack, as one scenario so the expensive parts
 * (catch-up, the audit job) are paid once:
 *
 * <ol>
 *   <li>malformed messages are published straight to a topic, then a generator burst follows;
 *   <li>the ingest driver is killed with SIGKILL in the middle of a micro-batch and restarted;
 *   <li>columns are added to two live source tables and filled, the driver keeps running;
 *   <li>whole topics are republished newest-first (duplicates of every current version, then every
 *       older one): silver must not move;
 * </ol>
 *
 * and finally every silver table equals its source table (all rows, all columns, the new ones
 * included), bronze holds each Kafka record exactly once, and the malformed messages are in
 * quarantine with their reason: the stream kept going past them.
 */
@ExtendWith(LocalStack.class)
class IngestSemanticsIT {

  private static final List<String> REPLAYED = List.of("alerts", "units", "regions", "commands");

  @Test
  void silverFollowsTheSourceThroughMalformedMessagesACrashSchemaChangesAndReplays()
      throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    Supervisor supervisor = stack.supervisor(Map.of());
    ServiceSpec ingest = stack.service("spark-job-ingest");

    List<Long> malformed = publishMalformedAlerts(stack);
    killIngestDriverMidBatchOfABurst(stack, supervisor, ingest);
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    long pid = supervisor.liveProcess(ingest).orElseThrow().pid();
    addAndFillColumnsInLiveSourceTables(stack);
    GeneratorRuns.startBurst(stack, 300, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    IngestReport beforeReplay = IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    int republished = republishNewestFirst(stack);
    assertThat(republished).as("records republished").isGreaterThan(500);
    IngestReport afterReplay = IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));
    for (String table : REPLAYED) {
      assertThat(row(afterReplay, table).rowsApplied())
          .as("silver rows written for %s by the replay", table)
          .isEqualTo(row(beforeReplay, table).rowsApplied());
      assertThat(row(afterReplay, table).changesIgnored())
          .as("replayed keys of %s reported as older/duplicate", table)
          .isGreaterThan(row(beforeReplay, table).changesIgnored());
    }
    assertThat(supervisor.liveProcess(ingest).orElseThrow().pid())
        .as("the ingest driver ran through the schema change and the replay")
        .isEqualTo(pid);

    // The audit compares every column the source has now, the added ones included.
    String log = IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "semantics");
    String alerts = SourceTables.topic("alerts");
    assertThat(log)
        .contains("QUARANTINE " + alerts + ":0:" + malformed.get(0) + " MALFORMED_VALUE");
    assertThat(log)
        .contains("QUARANTINE " + alerts + ":0:" + malformed.get(1) + " MISSING_PAYLOAD");
  }

  private static List<Long> publishMalformedAlerts(LocalStack.Instance stack) throws Exception {
    byte[] key = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    return TopicRecords.publish(
        stack.bootstrapServers(),
        SourceTables.topic("alerts"),
        List.of(
            entry(
                key,
                "{\"schema\": {\"type\": \"struct\", truncated".getBytes(StandardCharsets.UTF_8)),
            entry(key, "{\"schema\": {\"type\": \"struct\"}}".getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * A burst, then SIGKILL while the driver is applying it: Spark jobs of the batch have run and the
   * batch is not committed (Kafka lag still positive). The driver is always restarted.
   */
  private static void killIngestDriverMidBatchOfABurst(
      LocalStack.Instance stack, Supervisor supervisor, ServiceSpec ingest) throws Exception {
    Path log = stack.home.resolve("logs").resolve(ingest.container() + ".log");
    long logBefore = Files.size(log);
    GeneratorRuns.startBurst(stack, 1_500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    await("spark-job-ingest is applying a micro-batch of the burst")
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sparkJobsFinishedSince(log, logBefore) >= 4 && lag(stack) > 0);
    long killedPid = supervisor.liveProcess(ingest).orElseThrow().pid();
    try {
      supervisor.kill(ingest);
      assertThat(lag(stack)).as("records not committed when the driver died").isPositive();
    } finally {
      supervisor.up(List.of("spark-job-ingest"));
    }
    assertThat(supervisor.liveProcess(ingest).orElseThrow().pid()).isNotEqualTo(killedPid);
  }

  private static void addAndFillColumnsInLiveSourceTables(LocalStack.Instance stack)
      throws Exception {
    try (Connection c = stack.source().connect();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE public.regions ADD COLUMN IF NOT EXISTS readiness_note varchar(64)");
      s.execute("ALTER TABLE public.units ADD COLUMN IF NOT EXISTS fuel_reserve numeric(19,4)");
      s.execute("UPDATE public.regions SET readiness_note = 'checked ' || left(id::text, 8)");
      s.execute("UPDATE public.units SET fuel_reserve = round((random() * 1000)::numeric, 4)");
    }
  }

  /** Republishes the whole history of some topics, newest first; returns how many records. */
  private static int republishNewestFirst(LocalStack.Instance stack) throws Exception {
    int republished = 0;
    for (String table : REPLAYED) {
      republished +=
          TopicRecords.republishNewestFirst(stack.bootstrapServers(), SourceTables.topic(table));
    }
    return republished;
  }

  private static long lag(LocalStack.Instance stack) {
    return IngestReport.read(stack.config(Map.of()))
        .filter(IngestReport::lagKnown)
        .map(IngestReport::totalLag)
        .orElse(0L);
  }

  /** Spark's {@code Job N finished} lines written to the driver log after {@code offset}. */
  private static long sparkJobsFinishedSince(Path log, long offset) throws Exception {
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(offset, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.contains("DAGScheduler: Job ") && l.contains(" finished"))
        .count();
  }

  private static IngestReport.TableProgress row(IngestReport report, String table) {
    return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
  }

  private static Map.Entry<byte[], byte[]> entry(byte[] key, byte[] value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value);
  }
}
