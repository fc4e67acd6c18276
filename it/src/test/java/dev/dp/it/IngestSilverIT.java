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
 * spark-job-ingest end to end. Malformed messages are published straight to a topic, then a bounded
 * generator burst follows them; after catch-up every silver table equals its source table (all rows
 * and all columns, compared with SQL over both sides), bronze holds every Kafka record exactly
 * once, and the malformed messages are in quarantine with their reason and position: the stream
 * kept going past them.
 */
@ExtendWith(LocalStack.class)
class IngestSilverIT {

  @Test
  void silverEqualsSourceAndMalformedMessagesAreQuarantinedWithoutStoppingTheStream()
      throws Exception {
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

    GeneratorRuns.startBurst(stack, 1_500, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    String log = IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "burst");
    assertThat(log).contains("QUARANTINE " + topic + ":0:" + offsets.get(0) + " MALFORMED_VALUE");
    assertThat(log).contains("QUARANTINE " + topic + ":0:" + offsets.get(1) + " MISSING_PAYLOAD");
  }

  private static Map.Entry<byte[], byte[]> entry(byte[] key, String value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
