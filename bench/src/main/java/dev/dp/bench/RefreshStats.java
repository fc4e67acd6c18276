package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The gold refreshes of {@code spark-job-process} committed during a phase.
 *
 * @param refreshes refreshes committed
 * @param timed how many of them the sampler saw as the last refresh (and so knows the time of)
 * @param meanSeconds their mean time, listing silver to commit; null when none was timed
 * @param maxSeconds the longest; null when none was timed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefreshStats(long refreshes, long timed, Double meanSeconds, Double maxSeconds) {}
