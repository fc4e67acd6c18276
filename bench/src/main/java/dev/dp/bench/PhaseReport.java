package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The figures of one bench phase.
 *
 * @param name {@code warm-up}, {@code steady}, {@code bulk} or {@code catch-up}
 * @param startedAt when it began
 * @param endedAt when it ended
 * @param seconds its length
 * @param source the load the source took
 * @param kafkaEvents events Debezium published to the 15 source topics (rise of their end offsets)
 * @param kafkaEventsPerSecond {@code kafkaEvents} per second
 * @param silverRowsApplied rows the ingest job applied to silver (rise of its {@code rows_applied})
 * @param silverRowsPerSecond {@code silverRowsApplied} per second
 * @param maxKafkaLag the largest ingest lag read in the phase
 * @param goldRefreshes the process job's refreshes committed in the phase
 * @param freshnessSilver per-change freshness source → silver of the changes committed in the phase
 * @param freshnessGold per-change freshness source → gold of the same changes
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PhaseReport(
    String name,
    Instant startedAt,
    Instant endedAt,
    double seconds,
    SourceRate source,
    Long kafkaEvents,
    Double kafkaEventsPerSecond,
    Long silverRowsApplied,
    Double silverRowsPerSecond,
    Long maxKafkaLag,
    RefreshStats goldRefreshes,
    StageFreshness freshnessSilver,
    StageFreshness freshnessGold) {}
