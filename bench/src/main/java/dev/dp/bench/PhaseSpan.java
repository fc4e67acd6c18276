package dev.dp.bench;

import java.time.Instant;

/**
 * When a phase ran, as the bench recorded it while running.
 *
 * @param name the phase
 * @param start when it began
 * @param end when it ended
 * @param commitsFrom start of the source commit times whose freshness the phase reports, or null
 *     when the phase commits nothing to the source
 * @param commitsTo end of those commit times (exclusive)
 * @param exactSource the source load when the bench knows it exactly (the burst), else null and the
 *     sampled counters are used
 */
public record PhaseSpan(
    String name,
    Instant start,
    Instant end,
    Instant commitsFrom,
    Instant commitsTo,
    SourceRate exactSource) {

  /** A phase whose source commits are those of its own span, measured by the sampler. */
  public static PhaseSpan sampled(String name, Instant start, Instant end) {
    return new PhaseSpan(name, start, end, start, end, null);
  }
}
