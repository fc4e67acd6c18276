package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dp.contracts.ProcessProgress;
import java.time.Instant;
import java.util.Map;

/**
 * One reading of the running pipeline by the bench's sampler. A figure is null when its source
 * could not be read at that moment (Kafka not answering, a progress file not written yet).
 *
 * @param at when the reading was taken
 * @param kafkaEndOffsets sum of the end offsets of the 15 source topics: events Debezium has
 *     published
 * @param kafkaLag records of those topics the ingest job has not committed yet
 * @param silverRowsApplied sum of the ingest job's {@code rows_applied} over all tables (resets
 *     when the job restarts)
 * @param ingestUpdatedAt when the ingest job last wrote its progress (after a micro-batch)
 * @param goldRefreshes the process job's refresh count (resets when the job restarts)
 * @param lastRefresh the process job's last committed refresh
 * @param sourceRowChanges sum of rows inserted, updated and deleted in the 15 source tables ({@code
 *     pg_stat_user_tables})
 * @param generatorChanges changes (transactions) the data generator has committed, all seeds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Sample(
    Instant at,
    Long kafkaEndOffsets,
    Long kafkaLag,
    Long silverRowsApplied,
    Instant ingestUpdatedAt,
    Long goldRefreshes,
    ProcessProgress.Refresh lastRefresh,
    Long sourceRowChanges,
    Long generatorChanges) {

  /**
   * Records not yet consumed: per {@code topic:partition}, the end offset minus the consumer's next
   * offset (0 when it has not read the partition yet counts from the start).
   *
   * @param endOffsets end offset per {@code topic:partition}
   * @param nextOffsets the ingest job's next offset per {@code topic:partition}
   */
  public static long lag(Map<String, Long> endOffsets, Map<String, Long> nextOffsets) {
    long lag = 0;
    for (Map.Entry<String, Long> e : endOffsets.entrySet()) {
      lag += Math.max(0, e.getValue() - nextOffsets.getOrDefault(e.getKey(), 0L));
    }
    return lag;
  }
}
