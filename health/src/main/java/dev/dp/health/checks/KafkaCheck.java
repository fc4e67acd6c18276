package dev.dp.health.checks;

import dev.dp.catalog.SourceTables;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import dev.dp.stack.KafkaAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Step 3, kafka: the broker answers, the 15 change topics {@code jadc2_db.public.*} exist with a
 * leader for every partition, and their end offsets (read twice a sample window apart) grow while
 * the generator runs.
 */
public final class KafkaCheck implements HealthCheck<KafkaCheck.Observation> {

  static final String SERVICE = "kafka";

  /**
   * What the probe saw.
   *
   * @param error why the broker could not be asked, or empty
   * @param brokers brokers in the cluster
   * @param topics which of the 15 change topics exist
   * @param leaderless partitions of those topics without a leader, {@code topic:partition}
   * @param endBefore per existing topic, the sum of its partitions' end offsets at the first
   *     reading
   * @param endAfter the same a sample window later
   * @param window time between the readings
   * @param generatorRunning whether the data generator's process runs
   */
  public record Observation(
      String error,
      int brokers,
      Set<String> topics,
      List<String> leaderless,
      Map<String, Long> endBefore,
      Map<String, Long> endAfter,
      Duration window,
      boolean generatorRunning) {

    static Observation failed(String error) {
      return new Observation(
          error, 0, Set.of(), List.of(), Map.of(), Map.of(), Duration.ZERO, false);
    }
  }

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(3, "Kafka", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) throws InterruptedException {
    boolean generatorRunning = ctx.process(GeneratorCheck.SERVICE).running();
    int timeout = ctx.thresholds().callTimeoutMillis();
    try (Admin admin = ctx.kafka()) {
      ctx.doing("describing the Kafka cluster at " + ctx.config().kafkaBootstrap());
      int brokers =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(timeout))
              .nodes()
              .get(timeout, TimeUnit.MILLISECONDS)
              .size();
      ctx.doing("listing topics");
      Set<String> all = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
      List<String> present = SourceTables.topics().stream().filter(all::contains).toList();
      List<String> leaderless = new ArrayList<>();
      if (!present.isEmpty()) {
        ctx.doing("describing the change topics");
        Map<String, TopicDescription> d =
            admin.describeTopics(present).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
        d.values()
            .forEach(
                td ->
                    td.partitions().stream()
                        .filter(p -> p.leader() == null || p.leader().isEmpty())
                        .forEach(p -> leaderless.add(td.name() + ":" + p.partition())));
      }
      ctx.doing("reading end offsets");
      Map<String, Long> before = perTopic(KafkaAdmin.endOffsets(admin, present, timeout));
      Duration window = ctx.sample();
      ctx.doing("reading end offsets again");
      Map<String, Long> after = perTopic(KafkaAdmin.endOffsets(admin, present, timeout));
      return new Observation(
          "", brokers, Set.copyOf(present), leaderless, before, after, window, generatorRunning);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return Observation.failed(Text.error(e));
    }
  }

  /** Sums {@code topic:partition} offsets per topic. */
  static Map<String, Long> perTopic(Map<String, Long> byPartition) {
    Map<String, Long> sums = new TreeMap<>();
    byPartition.forEach(
        (tp, offset) -> sums.merge(tp.substring(0, tp.lastIndexOf(':')), offset, Long::sum));
    return sums;
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    if (!o.error().isEmpty()) {
      return Verdict.fail("the broker does not answer: " + o.error(), "./dp logs dp_kafka");
    }
    List<String> missing =
        SourceTables.topics().stream().filter(n -> !o.topics().contains(n)).toList();
    long records = o.endAfter().values().stream().mapToLong(Long::longValue).sum();
    long before = o.endBefore().values().stream().mapToLong(Long::longValue).sum();
    long grew = records - before;
    Verdict v;
    if (o.brokers() == 0) {
      v = Verdict.fail("no broker registered in the KRaft cluster", "./dp logs dp_kafka");
    } else if (!missing.isEmpty()) {
      v =
          Verdict.fail(
              missing.size()
                  + " of "
                  + SourceTables.NAMES.size()
                  + " change topics are missing: "
                  + Text.list(missing),
              "debezium creates them when it starts: ./dp down debezium && ./dp up debezium");
    } else if (!o.leaderless().isEmpty()) {
      v =
          Verdict.fail(
              "partitions without a leader: " + Text.list(o.leaderless()), "./dp logs dp_kafka");
    } else if (o.generatorRunning() && grew <= 0 && !o.window().isZero()) {
      v =
          Verdict.warn(
              "the generator runs but no change record arrived in the last "
                  + Text.seconds(o.window())
                  + " ("
                  + records
                  + " records in the 15 topics)",
              "see step 4 (debezium)");
    } else {
      v =
          Verdict.pass(
              o.brokers()
                  + " broker; the 15 topics "
                  + SourceTables.TOPIC_PREFIX
                  + "."
                  + SourceTables.SCHEMA
                  + ".* hold "
                  + records
                  + " records, +"
                  + grew
                  + " in the last "
                  + Text.seconds(o.window()));
    }
    return v.with("brokers", o.brokers())
        .with("topics", o.topics().size())
        .with("missing_topics", missing.isEmpty() ? null : missing)
        .with("records", records)
        .with("records_in_window", grew)
        .with("window_seconds", o.window().toMillis() / 1000.0)
        .with("end_offsets", o.endAfter());
  }
}
