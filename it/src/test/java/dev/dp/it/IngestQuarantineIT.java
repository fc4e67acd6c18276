package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message the ingest job cannot apply lands in quarantine with its reason and Kafka position, and
 * the stream keeps going: the valid changes published after it still reach silver.
 */
@ExtendWith(LocalStack.class)
class IngestQuarantineIT {

  @Test
  void malformedMessagesAreQuarantinedAndLaterChangesStillApply() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    String topic = SourceTables.topic("alerts");
    byte[] key = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    List<Long> offsets =
        TopicRecords.publish(
            stack.bootstrapServers(),
            topic,
            List.of(
                entry(key, "{\"schema\": {\"type\": \"struct\", truncated"),
                entry(key, "{\"schema\": {\"type\": \"struct\"}}")));

    // Valid changes after the bad ones, in the same topic among others.
    GeneratorRuns.startBurst(stack, 400, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    String log = IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "quarantine");
    assertThat(log).contains("QUARANTINE " + topic + ":0:" + offsets.get(0) + " MALFORMED_VALUE");
    assertThat(log).contains("QUARANTINE " + topic + ":0:" + offsets.get(1) + " MISSING_PAYLOAD");
  }

  private static Map.Entry<byte[], byte[]> entry(byte[] key, String value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
