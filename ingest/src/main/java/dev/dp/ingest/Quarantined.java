package dev.dp.ingest;

import java.util.Objects;

/**
 * A Kafka record that cannot be applied. The job stores it in the quarantine table with the reason,
 * the raw key and value bytes and the Kafka position, and goes on.
 *
 * @param topic the Kafka topic
 * @param reason the kind of problem
 * @param detail what exactly is wrong, specific enough to find the cause (which field, which value)
 */
public record Quarantined(String topic, QuarantineReason reason, String detail)
    implements ParsedMessage {

  public Quarantined {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code REASON: detail}, for logs and the quarantine table. */
  public String message() {
    return reason + ": " + detail;
  }
}
