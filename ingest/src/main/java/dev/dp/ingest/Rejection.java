package dev.dp.ingest;

/**
 * Internal signal of the parser: this record goes to quarantine. Carries no stack trace, it is an
 * expected outcome, not an error of the program.
 */
final class Rejection extends Exception {

  private final QuarantineReason reason;

  Rejection(QuarantineReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  QuarantineReason reason() {
    return reason;
  }

  Quarantined toQuarantined(String topic) {
    return new Quarantined(topic, reason, getMessage());
  }
}
