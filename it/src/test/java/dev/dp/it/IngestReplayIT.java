package dev.dp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.stack.IngestReport;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debezium is at-least-once and Spark retries batches: a change event that arrives again, or an
 * older version of a row after a newer one, must not change silver. The test republishes whole
 * topics newest-first straight to Kafka (duplicates of every current version, then every older
 * version and the inserts of deleted rows) and checks that silver did not move.
 */
@ExtendWith(LocalStack.class)
class IngestReplayIT {

  private static final List<String> REPLAYED = List.of("alerts", "units", "regions", "commands");

  @Test
  void replayedDuplicatesAndOlderVersionsLeaveSilverUnchanged() throws Exception {
    LocalStack.Instance stack = LocalStack.get();
    GeneratorRuns.startBurst(stack, 800, 0);
    GeneratorRuns.awaitFinished(stack, Duration.ofMinutes(5));
    IngestReport before = IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    int republished = 0;
    for (String table : REPLAYED) {
      String topic = SourceTables.topic(table);
      List<ConsumerRecord<byte[], byte[]>> history =
          TopicRecords.readAll(stack.bootstrapServers(), topic);
      List<Map.Entry<byte[], byte[]>> newestFirst = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : history) {
        newestFirst.add(new AbstractMap.SimpleImmutableEntry<>(r.key(), r.value()));
      }
      Collections.reverse(newestFirst);
      TopicRecords.publish(stack.bootstrapServers(), topic, newestFirst);
      republished += newestFirst.size();
    }
    assertThat(republished).as("records republished").isGreaterThan(500);

    IngestReport after = IngestChecks.awaitCaughtUp(stack, Duration.ofMinutes(20));

    for (String table : REPLAYED) {
      IngestReport.TableProgress was = row(before, table);
      IngestReport.TableProgress now = row(after, table);
      assertThat(now.rowsApplied())
          .as("silver rows written for %s by the replay", table)
          .isEqualTo(was.rowsApplied());
      assertThat(now.changesIgnored())
          .as("replayed keys of %s reported as older/duplicate", table)
          .isGreaterThan(was.changesIgnored());
    }
    IngestChecks.assertSilverEqualsSourceAndBronzeExactlyOnce(stack, "replay");
  }

  private static IngestReport.TableProgress row(IngestReport report, String table) {
    return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
  }
}
