package dev.dp.console;

import java.time.Instant;
import java.util.List;

/**
 * Where in the source a change comes from: the {@code source} block of a Debezium envelope.
 *
 * @param lsn the event's WAL position in PostgreSQL's notation, e.g. {@code 0/19B6BD0}, or null
 * @param lsnValue the same as a number, or null
 * @param txId the source transaction id, or null
 * @param commitTime when the source transaction committed ({@code source.ts_ms}), or null
 * @param sequence Debezium's {@code [last commit LSN, event LSN]}, each in PostgreSQL notation
 * @param snapshot Debezium's snapshot marker ({@code false}, {@code true}, {@code first}, {@code
 *     last}, ...), or null
 * @param table the source table, {@code <schema>.<table>}, or null
 * @param connectorVersion the Debezium version that produced the event, or null
 */
public record SourcePosition(
    String lsn,
    Long lsnValue,
    Long txId,
    Instant commitTime,
    List<String> sequence,
    String snapshot,
    String table,
    String connectorVersion) {

  /** Copies the sequence. */
  public SourcePosition {
    sequence = sequence == null ? List.of() : List.copyOf(sequence);
  }

  /** A 64-bit WAL position in PostgreSQL's {@code high/low} hexadecimal notation. */
  public static String pgLsn(long value) {
    return Long.toHexString(value >>> 32).toUpperCase()
        + "/"
        + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
  }
}
