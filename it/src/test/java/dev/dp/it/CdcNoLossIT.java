package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A bounded burst of inserts, updates and deletes reaches Kafka with nothing lost. */
@ExtendWith(LocalStack.class)
class CdcNoLossIT {

  private static final int BURST = 3_000;

  @Test
  void everyChangeOfABurstReachesItsTopic() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    long before = GeneratorRuns.changesApplied(stack);

    GeneratorRuns.startBurst(stack, BURST, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    assertThat(GeneratorRuns.changesApplied(stack) - before).isEqualTo(BURST);

    try (TopicMaterializer topics = new TopicMaterializer(stack.bootstrapServers())) {
      CdcAssertions.awaitTopicsEqualSource(stack, topics, Duration.ofMinutes(3));
      // The burst exercised every kind of change, including unchanged TOASTed values.
      assertThat(topics.opCounts()).containsKeys("c", "u", "d");
      assertThat(topics.toastPlaceholders()).isPositive();
      System.out.printf(
          "topics rebuilt the source: %d events, ops %s, %d TOAST placeholders, %d replays%n",
          topics.eventsRead(),
          topics.opCounts(),
          topics.toastPlaceholders(),
          topics.duplicatesSkipped());
    }
  }
}
