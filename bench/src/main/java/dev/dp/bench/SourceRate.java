package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The load the source database took during a phase.
 *
 * @param transactions changes (transactions) committed, null when unknown
 * @param rowChanges rows inserted, updated or deleted in the 15 source tables, null when unknown
 * @param seconds over how long
 * @param transactionsPerSecond {@code transactions / seconds}
 * @param rowChangesPerSecond {@code rowChanges / seconds}: the offered rate Debezium must keep up
 *     with (one Kafka event per row change)
 * @param measuredFrom where the counts come from
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SourceRate(
    Long transactions,
    Long rowChanges,
    double seconds,
    Double transactionsPerSecond,
    Double rowChangesPerSecond,
    String measuredFrom) {

  /** A rate from counts over {@code seconds}. */
  public static SourceRate of(
      Long transactions, Long rowChanges, double seconds, String measuredFrom) {
    return new SourceRate(
        transactions,
        rowChanges,
        seconds,
        PhaseFigures.perSecond(transactions, seconds),
        PhaseFigures.perSecond(rowChanges, seconds),
        measuredFrom);
  }
}
