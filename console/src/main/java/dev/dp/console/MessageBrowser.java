package dev.dp.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads messages of one topic for the messages page with a consumer that has no group: partitions
 * are assigned and sought explicitly and nothing is ever committed, so browsing leaves no trace in
 * the broker. Each request reads at most {@link #SCAN_BUDGET} messages within {@link #TIME_BUDGET}.
 */
final class MessageBrowser {

  /** Most messages one request reads while searching. */
  static final int SCAN_BUDGET = 20_000;

  /** Longest one request reads. */
  static final Duration TIME_BUDGET = Duration.ofSeconds(8);

  private final String bootstrap;

  MessageBrowser(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * One page of messages.
   *
   * @param topic topic read
   * @param messages the messages, newest first for {@code newest}, oldest first otherwise
   * @param scanned messages read to find them
   * @param complete false when the scan stopped at its budget before covering the range
   */
  record Page(String topic, List<BrowsedMessage> messages, long scanned, boolean complete) {}

  /**
   * One message with its decoding.
   *
   * @param partition partition
   * @param offset offset
   * @param timestamp the record's timestamp
   * @param key the key as text, or null
   * @param value the value as text (the raw JSON), or null for a tombstone
   * @param sizeBytes key plus value bytes
   * @param decoded the Debezium envelope decoded
   */
  record BrowsedMessage(
      int partition,
      long offset,
      Instant timestamp,
      String key,
      String value,
      int sizeBytes,
      DecodedMessage decoded) {}

  Page read(MessageQuery q) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<PartitionInfo> infos = consumer.partitionsFor(q.topic(), Duration.ofSeconds(5));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("no topic " + q.topic());
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : infos) {
        if (q.partition() < 0 || p.partition() == q.partition()) {
          partitions.add(new TopicPartition(q.topic(), p.partition()));
        }
      }
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException(q.topic() + " has no partition " + q.partition());
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> from = startPositions(consumer, q, partitions, start, end);
      from.forEach(consumer::seek);
      return scan(consumer, q, from, end);
    }
  }

  private static Map<TopicPartition, Long> startPositions(
      KafkaConsumer<byte[], byte[]> consumer,
      MessageQuery q,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> start,
      Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> from = new HashMap<>();
    switch (q.from()) {
      case NEWEST -> {
        long window = q.search().isEmpty() ? q.limit() : SCAN_BUDGET / partitions.size();
        partitions.forEach(tp -> from.put(tp, Math.max(start.get(tp), end.get(tp) - window)));
      }
      case OFFSET ->
          partitions.forEach(
              tp -> from.put(tp, Math.min(end.get(tp), Math.max(start.get(tp), q.offset()))));
      case TIMESTAMP -> {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, q.timestamp().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found =
            consumer.offsetsForTimes(times, Duration.ofSeconds(5));
        partitions.forEach(
            tp -> {
              OffsetAndTimestamp o = found.get(tp);
              from.put(tp, o == null ? end.get(tp) : o.offset());
            });
      }
    }
    return from;
  }

  private static Page scan(
      KafkaConsumer<byte[], byte[]> consumer,
      MessageQuery q,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> end) {
    List<BrowsedMessage> found = new ArrayList<>();
    Map<TopicPartition, Long> position = new HashMap<>(from);
    long scanned = 0;
    boolean forward = q.from() != MessageQuery.From.NEWEST;
    long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
    while (!reachedEnd(position, end)
        && scanned < SCAN_BUDGET
        && !(forward && found.size() >= q.limit())
        && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        position.put(tp, r.offset() + 1);
        if (r.offset() >= end.get(tp)) {
          continue; // written after the page was asked for
        }
        scanned++;
        String key = text(r.key());
        String value = text(r.value());
        if (q.matches(key, value)) {
          found.add(
              new BrowsedMessage(
                  r.partition(),
                  r.offset(),
                  Instant.ofEpochMilli(r.timestamp()),
                  key,
                  value,
                  Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize()),
                  DebeziumEnvelope.decode(key, value)));
        }
      }
    }
    Comparator<BrowsedMessage> order =
        Comparator.comparing(BrowsedMessage::timestamp)
            .thenComparingInt(BrowsedMessage::partition)
            .thenComparingLong(BrowsedMessage::offset);
    found.sort(forward ? order : order.reversed());
    List<BrowsedMessage> page = found.subList(0, Math.min(q.limit(), found.size()));
    boolean complete = reachedEnd(position, end) || (forward && found.size() >= q.limit());
    return new Page(q.topic(), List.copyOf(page), scanned, complete);
  }

  private static boolean reachedEnd(
      Map<TopicPartition, Long> position, Map<TopicPartition, Long> end) {
    return position.entrySet().stream().allMatch(e -> e.getValue() >= end.get(e.getKey()));
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "dp-console-browser");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
