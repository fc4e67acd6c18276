package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dp.contracts.Stage;
import java.time.Instant;

/**
 * One point of the freshness-over-time series: the changes committed in one step of source commit
 * time.
 *
 * @param stage the stage
 * @param committedFrom start of the step (source commit time)
 * @param secondsFromStart the step's start, in seconds after the bench started
 * @param changes changes committed in the step and visible at the stage
 * @param p50Seconds their median freshness
 * @param p99Seconds their 99th percentile
 * @param maxSeconds the stalest of them
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FreshnessPoint(
    Stage stage,
    Instant committedFrom,
    double secondsFromStart,
    long changes,
    Double p50Seconds,
    Double p99Seconds,
    Double maxSeconds) {}
