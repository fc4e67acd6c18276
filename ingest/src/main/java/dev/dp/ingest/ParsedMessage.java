package dev.dp.ingest;

/**
 * What one Kafka record of a source topic is: a {@link ChangeEvent} to apply, a {@link Tombstone}
 * to skip, or a {@link Quarantined} record to keep aside with its reason.
 */
public sealed interface ParsedMessage permits ChangeEvent, Tombstone, Quarantined, TableTruncated {

  /** The Kafka topic the record came from. */
  String topic();
}
