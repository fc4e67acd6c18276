package dev.dp.console;

import java.util.List;

/**
 * One topic as the topics page lists it. {@code name}, {@code partitions} and {@code messages} are
 * the JSON contract of {@code GET /api/topics} that other tools ({@code dp health}) read.
 *
 * @param name topic name
 * @param partitions number of partitions
 * @param messages messages currently kept (end offsets minus start offsets, over all partitions)
 * @param endOffset the sum of the partitions' end offsets (messages ever written, for a topic that
 *     never deleted any)
 * @param sizeBytes bytes on disk over all replicas the broker reports, or -1 when unknown
 * @param retentionMs {@code retention.ms} (-1 = forever), or null when unknown
 * @param retentionBytes {@code retention.bytes} (-1 = unbounded), or null when unknown
 * @param cleanupPolicy {@code cleanup.policy}, or null when unknown
 * @param internal whether Kafka or Connect keeps it for itself (names starting with {@code _})
 * @param sourceTable the source table whose changes it carries, or null
 * @param partitionDetails per partition: offsets, messages and size
 */
public record TopicSummary(
    String name,
    int partitions,
    long messages,
    long endOffset,
    long sizeBytes,
    Long retentionMs,
    Long retentionBytes,
    String cleanupPolicy,
    boolean internal,
    String sourceTable,
    List<PartitionInfo> partitionDetails) {

  /** Copies the partitions. */
  public TopicSummary {
    partitionDetails = List.copyOf(partitionDetails);
  }

  /**
   * One partition.
   *
   * @param partition partition number
   * @param leader broker id of the leader, or -1
   * @param startOffset first offset kept
   * @param endOffset next offset to be written
   * @param sizeBytes bytes on disk, or -1 when unknown
   */
  public record PartitionInfo(
      int partition, int leader, long startOffset, long endOffset, long sizeBytes) {

    /** Messages kept in the partition. */
    public long messages() {
      return Math.max(0, endOffset - startOffset);
    }
  }
}
