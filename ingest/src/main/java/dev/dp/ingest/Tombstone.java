package dev.dp.ingest;

/**
 * The Kafka tombstone (null value) Debezium writes after every delete so that log compaction can
 * drop the key. The delete itself came in the record before it; the tombstone is skipped, not
 * quarantined.
 *
 * @param topic the Kafka topic
 * @param table the source table
 * @param key the primary key id
 */
public record Tombstone(String topic, String table, String key) implements ParsedMessage {}
