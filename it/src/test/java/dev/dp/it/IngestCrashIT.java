package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dp.stack.IngestReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the ingest driver while it is working through a burst, then a restart: Spark replays
 * the uncommitted micro-batch from its checkpoint; bronze's idempotent appends and silver's
 * sequence guard make the replay harmless. Afterwards silver equals the source and bronze holds
 * each Kafka record exactly once.
 */
@ExtendWith(LocalStack.class)
class IngestCrashIT {

  @Test
  void killedIngestDriverResumesWithoutLossOrDuplicates() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    var supervisor = stack.supervisor(Map.of());
    var ingest = stack.service("spark-job-ingest");
    long batchBefore = IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20)).batchId();

    long changesBefore = GeneratorRuns.changesApplied(stack);
    GeneratorRuns.startBurst(stack, 3_000, 25);
    // Mid-stream: a batch of the burst is committed, more of it is still to come.
    await("spark-job-ingest committed a micro-batch of the running burst")
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                IngestReport.read(stack.config(Map.of()))
                    .map(r -> r.batchId() > batchBefore)
                    .orElse(false));
    long killedPid = supervisor.liveProcess(ingest).orElseThrow().pid();
    supervisor.kill(ingest);
    assertThat(GeneratorRuns.changesApplied(stack) - changesBefore)
        .as("changes of the burst written when the driver was killed")
        .isLessThan(3_000);

    supervisor.up(List.of("spark-job-ingest"));
    assertThat(supervisor.liveProcess(ingest).orElseThrow().pid()).isNotEqualTo(killedPid);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "crash");
  }
}
