package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dp.catalog.DpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code dp bench} is asked to do; written into the report as its workload.
 *
 * @param attach measure the running stack of this {@code DP_HOME} instead of starting one
 * @param rate changes per second the generator offers in the steady phase
 * @param steadySeconds length of the steady phase
 * @param burstRows rows of the bulk burst
 * @param burstTransactions transactions the burst is split into
 * @param warmupChanges generator changes written (and caught up with) before the steady phase, so
 *     that it starts from a pipeline whose tables exist and which has no backlog
 * @param phaseTimeoutSeconds the most any phase may take before the bench gives up
 * @param portOffset {@code DP_PORT_OFFSET} of the stack the bench starts (not used with attach)
 * @param sampleIntervalMillis how often Kafka offsets, progress files and source counters are read
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BenchSettings(
    boolean attach,
    int rate,
    long steadySeconds,
    long burstRows,
    int burstTransactions,
    long warmupChanges,
    long phaseTimeoutSeconds,
    int portOffset,
    long sampleIntervalMillis) {

  /** Every problem with these settings, empty when they can run. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    int maxRate = 100_000;
    if (rate < 1 || rate > maxRate) {
      problems.add("--rate must be between 1 and " + maxRate + " changes/s, was " + rate);
    }
    if (steadySeconds < 1) {
      problems.add("--steady must be at least 1 s, was " + steadySeconds);
    }
    if ((long) rate * steadySeconds > Integer.MAX_VALUE) {
      problems.add("--rate × --steady must stay below " + Integer.MAX_VALUE + " changes");
    }
    if (burstTransactions < 1) {
      problems.add("--burst-transactions must be at least 1, was " + burstTransactions);
    }
    if (burstRows < burstTransactions) {
      problems.add(
          "--burst ("
              + burstRows
              + " rows) must be at least --burst-transactions ("
              + burstTransactions
              + ")");
    }
    if (warmupChanges < 1 || warmupChanges > Integer.MAX_VALUE) {
      problems.add("--warmup must be at least 1 change, was " + warmupChanges);
    }
    if (phaseTimeoutSeconds < 10) {
      problems.add("--phase-timeout must be at least 10 s, was " + phaseTimeoutSeconds);
    }
    if (!attach) {
      try {
        DpSettings.PORT_OFFSET.parser().apply(Integer.toString(portOffset));
      } catch (IllegalArgumentException e) {
        problems.add("--port-offset: " + e.getMessage());
      }
    }
    if (sampleIntervalMillis < 100) {
      problems.add("the sample interval must be at least 100 ms, was " + sampleIntervalMillis);
    }
    return problems;
  }

  /** The steady phase's length. */
  public Duration steady() {
    return Duration.ofSeconds(steadySeconds);
  }

  /** The most one phase may take. */
  public Duration phaseTimeout() {
    return Duration.ofSeconds(phaseTimeoutSeconds);
  }

  /** The sampling interval. */
  public Duration sampleInterval() {
    return Duration.ofMillis(sampleIntervalMillis);
  }
}
