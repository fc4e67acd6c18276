package dev.dp.ingest.spark;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * One Kafka record of a micro-batch, with its position, as the job keeps it next to what it parsed.
 *
 * @param topic topic
 * @param partition partition
 * @param offset offset
 * @param timestamp Kafka timestamp
 * @param key raw key bytes (may be null)
 * @param value raw value bytes (null for a Kafka tombstone)
 */
record KafkaRecord(
    String topic, int partition, long offset, Timestamp timestamp, byte[] key, byte[] value)
    implements Serializable {

  String keyText() {
    return key == null ? null : new String(key, java.nio.charset.StandardCharsets.UTF_8);
  }

  String valueText() {
    return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
