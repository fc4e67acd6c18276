package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.Supervisor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Kafka Connect killed with SIGKILL in the middle of a burst: after a restart nothing is lost. */
@ExtendWith(LocalStack.class)
class ConnectCrashIT {

  private static final int BURST = 3_000;
  private static final int RATE = 150;

  @Test
  void killingConnectMidBurstLosesNoChange() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    Supervisor supervisor = stack.supervisor(Map.of());
    ServiceSpec debezium = stack.service("debezium");
    long before = GeneratorRuns.changesApplied(stack);

    GeneratorRuns.startBurst(stack, BURST, RATE);
    await("a third of the burst is committed in the source")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> GeneratorRuns.changesApplied(stack) - before >= BURST / 3);

    long pid = supervisor.liveProcess(debezium).orElseThrow().pid();
    supervisor.kill(debezium);
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(GeneratorRuns.changesApplied(stack) - before)
        .as("the generator keeps writing while Connect is down")
        .isLessThan(BURST);

    supervisor.up(List.of("debezium"));
    assertThat(supervisor.liveProcess(debezium)).isPresent();

    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    assertThat(GeneratorRuns.changesApplied(stack) - before).isEqualTo(BURST);
    try (TopicMaterializer topics = new TopicMaterializer(stack.bootstrapServers())) {
      CdcAssertions.awaitTopicsEqualSource(stack, topics, Duration.ofMinutes(3));
      System.out.printf(
          "after a Connect kill -9: %d events, %d replayed duplicates ignored%n",
          topics.eventsRead(), topics.duplicatesSkipped());
    }
  }
}
