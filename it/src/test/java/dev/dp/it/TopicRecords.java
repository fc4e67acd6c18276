package dev.dp.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Raw bytes in and out of a topic, for tests that publish straight to Kafka. */
final class TopicRecords {

  private TopicRecords() {}

  /** Every record of the topic's partition 0 up to its current end, oldest first. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (consumer.position(tp) < end) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "could not read " + topic + " to offset " + end + " within 2 minutes");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }

  /** Publishes the records (key, value) in order; returns the offset each got. */
  static List<Long> publish(String bootstrap, String topic, List<Map.Entry<byte[], byte[]>> records)
      throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (Map.Entry<byte[], byte[]> r : records) {
        sent.add(producer.send(new ProducerRecord<>(topic, 0, r.getKey(), r.getValue())));
      }
      producer.flush();
      List<Long> offsets = new ArrayList<>();
      for (var f : sent) {
        offsets.add(f.get(30, TimeUnit.SECONDS).offset());
      }
      return offsets;
    }
  }

  /**
   * Republishes a topic's whole history newest first (every version again, then every older one):
   * replays a consumer must ignore. Returns how many records.
   */
  static int republishNewestFirst(String bootstrap, String topic) throws Exception {
    List<Map.Entry<byte[], byte[]>> newestFirst = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(bootstrap, topic)) {
      newestFirst.add(new java.util.AbstractMap.SimpleImmutableEntry<>(r.key(), r.value()));
    }
    java.util.Collections.reverse(newestFirst);
    publish(bootstrap, topic, newestFirst);
    return newestFirst.size();
  }
}
