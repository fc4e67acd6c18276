package dev.dp.console;

import dev.dp.catalog.SourceTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Reads the broker's metadata with one long-lived admin client: topics with offsets, sizes and
 * retention, and consumer groups with their lag. Only describe and list calls: nothing is changed.
 */
final class KafkaReader implements AutoCloseable {

  private final Admin admin;
  private final int timeoutMs;

  KafkaReader(Admin admin, int timeoutMs) {
    this.admin = admin;
    this.timeoutMs = timeoutMs;
  }

  /** Whether the broker answers: the cluster id, or an exception saying why not. */
  String clusterId() throws Exception {
    return await(admin.describeCluster().clusterId());
  }

  /** Every topic (internal ones included), sorted by name: the 15 change topics first. */
  List<TopicSummary> topics() throws Exception {
    Set<String> names = await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
    return describe(names).stream()
        .sorted(
            Comparator.comparing((TopicSummary t) -> t.sourceTable() == null)
                .thenComparing(TopicSummary::internal)
                .thenComparing(TopicSummary::name))
        .toList();
  }

  /** One topic, if it exists. */
  Optional<TopicSummary> topic(String name) throws Exception {
    Set<String> names = await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
    return names.contains(name) ? describe(List.of(name)).stream().findFirst() : Optional.empty();
  }

  private List<TopicSummary> describe(Collection<String> names) throws Exception {
    Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames());
    List<TopicPartition> partitions = new ArrayList<>();
    descriptions.forEach(
        (t, d) ->
            d.partitions().forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
    Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> sizes = sizes();
    Map<String, Config> configs = configs(names);
    List<TopicSummary> out = new ArrayList<>();
    for (TopicDescription d : descriptions.values()) {
      List<TopicSummary.PartitionInfo> parts = new ArrayList<>();
      long messages = 0;
      long endSum = 0;
      long size = sizes.isEmpty() ? -1 : 0;
      for (var p : d.partitions()) {
        TopicPartition tp = new TopicPartition(d.name(), p.partition());
        long s = start.getOrDefault(tp, 0L);
        long e = end.getOrDefault(tp, 0L);
        long bytes = sizes.isEmpty() ? -1 : sizes.getOrDefault(tp, 0L);
        Node leader = p.leader();
        parts.add(
            new TopicSummary.PartitionInfo(
                p.partition(), leader == null ? -1 : leader.id(), s, e, bytes));
        messages += Math.max(0, e - s);
        endSum += e;
        size += Math.max(0, bytes);
      }
      parts.sort(Comparator.comparingInt(TopicSummary.PartitionInfo::partition));
      Config c = configs.get(d.name());
      out.add(
          new TopicSummary(
              d.name(),
              d.partitions().size(),
              messages,
              endSum,
              size,
              longConfig(c, "retention.ms"),
              longConfig(c, "retention.bytes"),
              c == null || c.get("cleanup.policy") == null ? null : c.get("cleanup.policy").value(),
              d.isInternal() || d.name().startsWith("_"),
              sourceTable(d.name()),
              parts));
    }
    return out;
  }

  /** The source table whose change topic this is, or null. */
  static String sourceTable(String topic) {
    return SourceTables.NAMES.stream()
        .filter(t -> SourceTables.topic(t).equals(topic))
        .findFirst()
        .orElse(null);
  }

  /** End offset of every partition of the topics, keyed {@code topic:partition}. */
  Map<String, Long> endOffsets(Collection<String> topics) throws Exception {
    Map<String, TopicDescription> d = await(admin.describeTopics(topics).allTopicNames());
    List<TopicPartition> partitions = new ArrayList<>();
    d.forEach(
        (t, td) ->
            td.partitions().forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
    Map<String, Long> out = new TreeMap<>();
    offsets(partitions, OffsetSpec.latest())
        .forEach((tp, o) -> out.put(tp.topic() + ":" + tp.partition(), o));
    return out;
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, Long> out = new HashMap<>();
    if (request.isEmpty()) {
      return out;
    }
    Map<TopicPartition, ListOffsetsResultInfo> result = await(admin.listOffsets(request).all());
    result.forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  /** Bytes on disk per partition, summed over the brokers' log dirs; empty when not reported. */
  private Map<TopicPartition, Long> sizes() {
    try {
      Collection<Node> brokers = await(admin.describeCluster().nodes());
      Map<Integer, Map<String, LogDirDescription>> dirs =
          await(admin.describeLogDirs(brokers.stream().map(Node::id).toList()).allDescriptions());
      Map<TopicPartition, Long> out = new HashMap<>();
      dirs.values()
          .forEach(
              byDir ->
                  byDir
                      .values()
                      .forEach(
                          dir ->
                              dir.replicaInfos()
                                  .forEach((tp, r) -> out.merge(tp, r.size(), Long::sum))));
      return out;
    } catch (Exception e) {
      return Map.of(); // sizes are a detail: the topic list stands without them
    }
  }

  private Map<String, Config> configs(Collection<String> topics) {
    try {
      List<ConfigResource> resources =
          topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
      Map<String, Config> out = new HashMap<>();
      await(admin.describeConfigs(resources).all()).forEach((r, c) -> out.put(r.name(), c));
      return out;
    } catch (Exception e) {
      return Map.of();
    }
  }

  private static Long longConfig(Config c, String name) {
    if (c == null) {
      return null;
    }
    ConfigEntry e = c.get(name);
    try {
      return e == null || e.value() == null ? null : Long.parseLong(e.value());
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  /** Every group the broker knows, consumer groups with members and lag. */
  List<ConsumerGroupView> groups() throws Exception {
    Collection<GroupListing> listings = await(admin.listGroups().all());
    List<ConsumerGroupView> out = new ArrayList<>();
    for (GroupListing g : listings) {
      String kind = g.type().map(GroupType::toString).orElse("unknown").toLowerCase();
      String state = g.groupState().map(Object::toString).orElse("unknown");
      boolean consumerGroup =
          g.type().map(t -> t == GroupType.CONSUMER || t == GroupType.CLASSIC).orElse(false)
              && (g.protocol().isEmpty() || g.protocol().equals("consumer"));
      if (!consumerGroup) {
        out.add(
            new ConsumerGroupView(
                g.groupId(),
                g.protocol().isEmpty() ? kind : g.protocol(),
                state,
                List.of(),
                List.of(),
                null,
                "not a consumer group: no committed offsets"));
        continue;
      }
      out.add(consumerGroup(g.groupId()));
    }
    out.sort(Comparator.comparing(ConsumerGroupView::groupId));
    return out;
  }

  private ConsumerGroupView consumerGroup(String groupId) throws Exception {
    ConsumerGroupDescription d =
        await(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
    List<ConsumerGroupView.Member> members = new ArrayList<>();
    d.members()
        .forEach(
            m ->
                members.add(
                    new ConsumerGroupView.Member(
                        m.consumerId(),
                        m.clientId(),
                        m.host(),
                        m.assignment().topicPartitions().stream()
                            .map(tp -> tp.topic() + ":" + tp.partition())
                            .sorted()
                            .toList())));
    Map<TopicPartition, OffsetAndMetadata> committed =
        await(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    List<TopicPartition> partitions =
        committed.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(Map.Entry::getKey)
            .toList();
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    List<ConsumerGroupView.PartitionLag> lags = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      long c = committed.get(tp).offset();
      long e = end.getOrDefault(tp, c);
      lags.add(
          new ConsumerGroupView.PartitionLag(tp.topic(), tp.partition(), c, e, Math.max(0, e - c)));
    }
    lags.sort(
        Comparator.comparing(ConsumerGroupView.PartitionLag::topic)
            .thenComparingInt(ConsumerGroupView.PartitionLag::partition));
    return new ConsumerGroupView(
        groupId,
        d.type().toString().toLowerCase(),
        d.groupState().toString(),
        members,
        lags,
        lags.isEmpty() ? null : lags.stream().mapToLong(ConsumerGroupView.PartitionLag::lag).sum(),
        null);
  }

  private <T> T await(org.apache.kafka.common.KafkaFuture<T> f)
      throws InterruptedException, ExecutionException, TimeoutException {
    return f.get(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    admin.close();
  }
}
