package dev.dp.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a change sits in the source's history: the order in which changes must be applied.
 *
 * <p>Debezium's {@code source.sequence} is {@code ["<last commit LSN>", "<event LSN>"]}. Logical
 * decoding hands over whole transactions in commit order, and the first element is the LSN up to
 * which transactions had committed when this event's transaction was decoded: it is the same for
 * every event of one transaction and grows from one transaction to the next, while the event LSN
 * orders the events inside a transaction. (The event LSN alone is not enough: a transaction that
 * began earlier but committed later has smaller event LSNs than the one that committed before it.)
 * Both are unsigned 64-bit numbers and compare as such.
 *
 * <p>Snapshot rows ({@link Op#READ}) carry {@code [null, "<snapshot LSN>"]}. They hold the state of
 * a row <em>as of</em> the snapshot, which every streamed change of that row follows, so they get
 * commit LSN {@value #SNAPSHOT_COMMIT_LSN}: below any streamed change, and a replayed snapshot row
 * is a duplicate of the first. A streamed change without a last commit LSN (possible only for the
 * first transaction the connector decodes) uses its own LSN, which is below the commit of any later
 * transaction.
 *
 * <p>{@link #sortKey()} encodes the position as a fixed-width string whose plain string order is
 * this order; silver stores it in {@link SilverColumns#SEQUENCE} so that the MERGE guard is a
 * single comparison.
 *
 * @param commitLsn the last commit LSN ({@value #SNAPSHOT_COMMIT_LSN} for snapshot rows)
 * @param eventLsn the LSN of the change itself (the snapshot's LSN for snapshot rows)
 */
public record SourcePosition(long commitLsn, long eventLsn)
    implements Comparable<SourcePosition>, Serializable {

  /** The commit LSN given to snapshot rows: they sort before every streamed change. */
  public static final long SNAPSHOT_COMMIT_LSN = 0L;

  /** Length of {@link #sortKey()}: two 64-bit numbers as 16 hex digits each. */
  public static final int SORT_KEY_LENGTH = 32;

  /** The position of a row read by a snapshot taken at {@code snapshotLsn}. */
  public static SourcePosition snapshot(long snapshotLsn) {
    return new SourcePosition(SNAPSHOT_COMMIT_LSN, snapshotLsn);
  }

  /**
   * The position of a streamed change.
   *
   * @param lastCommitLsn the first element of {@code source.sequence}, or null when Debezium did
   *     not know one yet
   * @param eventLsn the event's LSN
   */
  public static SourcePosition streamed(Long lastCommitLsn, long eventLsn) {
    return new SourcePosition(lastCommitLsn == null ? eventLsn : lastCommitLsn, eventLsn);
  }

  @Override
  public int compareTo(SourcePosition other) {
    int byCommit = Long.compareUnsigned(commitLsn, other.commitLsn);
    return byCommit != 0 ? byCommit : Long.compareUnsigned(eventLsn, other.eventLsn);
  }

  /** True if this position comes strictly after {@code other}. */
  public boolean isAfter(SourcePosition other) {
    return compareTo(other) > 0;
  }

  /**
   * The position as 32 lower-case hex digits (commit LSN, then event LSN). Comparing two keys as
   * strings gives the same answer as {@link #compareTo}.
   */
  public String sortKey() {
    return String.format("%016x%016x", commitLsn, eventLsn);
  }

  /**
   * The position a {@link #sortKey()} was made from.
   *
   * @throws IllegalArgumentException if {@code key} is not 32 hex digits
   */
  public static SourcePosition fromSortKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() != SORT_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a source position sort key has " + SORT_KEY_LENGTH + " hex digits: '" + key + "'");
    }
    try {
      return new SourcePosition(
          Long.parseUnsignedLong(key.substring(0, 16), 16),
          Long.parseUnsignedLong(key.substring(16), 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a source position sort key: '" + key + "'", e);
    }
  }

  /** PostgreSQL's notation of an LSN, e.g. {@code 0/19B5A38}. */
  public static String formatLsn(long lsn) {
    return Long.toHexString(lsn >>> 32).toUpperCase()
        + "/"
        + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
  }

  @Override
  public String toString() {
    return commitLsn == SNAPSHOT_COMMIT_LSN
        ? "snapshot@" + formatLsn(eventLsn)
        : formatLsn(commitLsn) + ":" + formatLsn(eventLsn);
  }
}
