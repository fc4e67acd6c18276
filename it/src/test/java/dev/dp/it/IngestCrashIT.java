package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dp.stack.IngestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the ingest driver in the middle of a micro-batch, then a restart: Spark replays the
 * uncommitted micro-batch from its checkpoint; bronze's idempotent appends and silver's sequence
 * guard make the replay harmless. Afterwards silver equals the source and bronze holds each Kafka
 * record exactly once.
 */
@ExtendWith(LocalStack.class)
class IngestCrashIT {

  @Test
  void killedIngestDriverResumesWithoutLossOrDuplicates() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    var supervisor = stack.supervisor(Map.of());
    var ingest = stack.service("spark-job-ingest");
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));
    Path log = stack.home.resolve("logs").resolve(ingest.container() + ".log");
    long logBefore = Files.size(log);

    GeneratorRuns.startBurst(stack, 2_000, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    // Mid-batch: Spark jobs of a batch with the burst have run, and it has not committed yet.
    await("spark-job-ingest is applying a micro-batch of the burst")
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sparkJobsFinishedSince(log, logBefore) >= 4 && lag(stack) > 0);
    long killedPid = supervisor.liveProcess(ingest).orElseThrow().pid();
    try {
      supervisor.kill(ingest);
      assertThat(lag(stack)).as("records not yet committed when the driver died").isPositive();
    } finally {
      supervisor.up(List.of("spark-job-ingest"));
    }
    assertThat(supervisor.liveProcess(ingest).orElseThrow().pid()).isNotEqualTo(killedPid);
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "crash");
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
    String tail =
        new String(
            all,
            (int) Math.min(offset, all.length),
            (int) Math.max(0, all.length - offset),
            java.nio.charset.StandardCharsets.UTF_8);
    return tail.lines()
        .filter(l -> l.contains("DAGScheduler: Job ") && l.contains(" finished"))
        .count();
  }
}
