package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Kafka admin clients for dp's own short conversations with the stack's broker. */
public final class KafkaAdmin {

  private KafkaAdmin() {}

  /** An admin client for {@code bootstrap} whose calls give up after {@code timeoutMs}. */
  public static Admin open(String bootstrap, int timeoutMs) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(
        AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
        Math.min(1_000, timeoutMs));
    return Admin.create(p);
  }

  /** An admin client for the stack's broker. */
  public static Admin open(DpConfig config, int timeoutMs) {
    return open(config.kafkaBootstrap(), timeoutMs);
  }

  /**
   * The end offset of every partition of {@code topics}, keyed {@code topic:partition}.
   *
   * @throws ExecutionException when a topic does not exist or the broker refuses
   * @throws TimeoutException when the broker does not answer within {@code timeoutMs}
   */
  public static Map<String, Long> endOffsets(Admin admin, Collection<String> topics, int timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(timeoutMs, TimeUnit.MILLISECONDS)
        .forEach(
            (topic, d) ->
                d.partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    Map<String, Long> offsets = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get(timeoutMs, TimeUnit.MILLISECONDS)
        .forEach((tp, info) -> offsets.put(tp.topic() + ":" + tp.partition(), info.offset()));
    return offsets;
  }
}
