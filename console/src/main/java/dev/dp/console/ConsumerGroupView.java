package dev.dp.console;

import java.util.List;

/**
 * A consumer group with its members and, per partition, the committed offset and lag. The ingest
 * job commits no offsets to Kafka (Spark keeps them in its checkpoint), so the console shows its
 * progress file's offsets as a group of kind {@code checkpoint} too.
 *
 * @param groupId the group id (for the ingest job: its service name)
 * @param kind {@code consumer}, {@code classic}, {@code connect}, ... as Kafka reports it, or
 *     {@code checkpoint} for the ingest job's own offsets
 * @param state the group state as Kafka reports it (for the ingest job: its service state)
 * @param members members with what they are assigned
 * @param offsets committed offset and lag per partition
 * @param totalLag the sum of the lags, or null when no offset is known
 * @param note what the reader should know, or null
 */
public record ConsumerGroupView(
    String groupId,
    String kind,
    String state,
    List<Member> members,
    List<PartitionLag> offsets,
    Long totalLag,
    String note) {

  /** Copies the lists. */
  public ConsumerGroupView {
    members = List.copyOf(members);
    offsets = List.copyOf(offsets);
  }

  /**
   * One member of a group.
   *
   * @param memberId member id
   * @param clientId client id
   * @param host client host
   * @param assignment assigned partitions as {@code topic:partition}
   */
  public record Member(String memberId, String clientId, String host, List<String> assignment) {}

  /**
   * Where a group stands in one partition.
   *
   * @param topic topic
   * @param partition partition
   * @param committed the next offset the group will read
   * @param endOffset the partition's end offset
   * @param lag messages not read yet
   */
  public record PartitionLag(
      String topic, int partition, long committed, long endOffset, long lag) {}
}
