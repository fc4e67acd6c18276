package dev.dp.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.SourceTables;
import dev.dp.health.Fixtures;
import dev.dp.health.Status;
import dev.dp.health.Verdict;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KafkaCheckTest {

  private static Map<String, Long> offsets(long each) {
    Map<String, Long> m = new TreeMap<>();
    SourceTables.topics().forEach(t -> m.put(t, each));
    return m;
  }

  private static Verdict verdict(
      Set<String> topics, List<String> leaderless, long before, long after, boolean generator) {
    return new KafkaCheck()
        .verdict(
            new KafkaCheck.Observation(
                "",
                1,
                topics,
                leaderless,
                offsets(before),
                offsets(after),
                Duration.ofSeconds(2),
                generator),
            Fixtures.thresholds());
  }

  @Test
  void allTopicsGrowingPass() {
    Verdict v = verdict(Set.copyOf(SourceTables.topics()), List.of(), 10, 12, true);
    assertThat(v.status()).isEqualTo(Status.PASS);
    assertThat(v.detail()).contains("hold 180 records, +30 in the last 2.0 s");
  }

  @Test
  void missingTopicsFail() {
    Set<String> topics = new HashSet<>(SourceTables.topics());
    topics.remove("jadc2_db.public.commands");
    Verdict v = verdict(topics, List.of(), 10, 12, true);
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("jadc2_db.public.commands");
    assertThat(v.next()).contains("./dp up debezium");
  }

  @Test
  void partitionsWithoutLeaderFail() {
    assertThat(
            verdict(
                    Set.copyOf(SourceTables.topics()),
                    List.of("jadc2_db.public.units:0"),
                    1,
                    2,
                    true)
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void noNewRecordsWhileTheGeneratorRunsWarns() {
    assertThat(verdict(Set.copyOf(SourceTables.topics()), List.of(), 10, 10, true).status())
        .isEqualTo(Status.WARN);
    assertThat(verdict(Set.copyOf(SourceTables.topics()), List.of(), 10, 10, false).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void aBrokerThatDoesNotAnswerFails() {
    Verdict v =
        new KafkaCheck()
            .verdict(KafkaCheck.Observation.failed("TimeoutException: x"), Fixtures.thresholds());
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.next()).isEqualTo("./dp logs dp_kafka");
  }

  @Test
  void partitionOffsetsAreSummedPerTopic() {
    assertThat(KafkaCheck.perTopic(Map.of("a.b:0", 3L, "a.b:1", 4L, "c:0", 1L)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a.b", 7L, "c", 1L));
  }
}
