package dev.dp.bench;

import dev.dp.contracts.ProcessProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures of one phase computed from the sampler's readings: counters are summed over their
 * increases between consecutive readings, so a job restart (its counter starts again at 0) costs
 * only the interval in which it happened instead of making the figure negative.
 */
public final class PhaseFigures {

  private PhaseFigures() {}

  /** The samples taken in {@code [from, to]}. */
  public static List<Sample> window(List<Sample> samples, Instant from, Instant to) {
    return samples.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
  }

  /**
   * How much a counter rose over the samples (in time order), ignoring drops; null when fewer than
   * two samples have a value.
   */
  public static Long increase(List<Sample> samples, Function<Sample, Long> counter) {
    Long previous = null;
    long sum = 0;
    int values = 0;
    for (Sample s : samples) {
      Long v = counter.apply(s);
      if (v == null) {
        continue;
      }
      if (previous != null && v > previous) {
        sum += v - previous;
      }
      previous = v;
      values++;
    }
    return values < 2 ? null : sum;
  }

  /**
   * Seconds from the first sample with a value of {@code counter} to the last sample at which it
   * rose (to the last sample with a value when it never rose): the time the phase was moving that
   * counter. A burst that Debezium published in 10 s of a 60 s phase is thus rated over 10 s.
   */
  public static double span(List<Sample> samples, Function<Sample, Long> counter) {
    Instant first = null;
    Instant last = null;
    Instant lastRise = null;
    Long previous = null;
    for (Sample s : samples) {
      Long v = counter.apply(s);
      if (v == null) {
        continue;
      }
      first = first == null ? s.at() : first;
      last = s.at();
      if (previous != null && v > previous) {
        lastRise = s.at();
      }
      previous = v;
    }
    if (first == null) {
      return 0;
    }
    return Duration.between(first, lastRise != null ? lastRise : last).toMillis() / 1000.0;
  }

  /** The counter's rise per second while it was rising, null when it cannot be told. */
  public static Double rate(List<Sample> samples, Function<Sample, Long> counter) {
    return perSecond(increase(samples, counter), span(samples, counter));
  }

  /** {@code count / seconds}, null when either is unknown or the time is zero. */
  public static Double perSecond(Long count, double seconds) {
    return count == null || seconds <= 0 ? null : count / seconds;
  }

  /** The largest value of a figure over the samples, null when it never had one. */
  public static Long max(List<Sample> samples, Function<Sample, Long> figure) {
    return samples.stream().map(figure).filter(v -> v != null).max(Long::compare).orElse(null);
  }

  /**
   * The gold refreshes committed in {@code (from, to]}: counted from the refresh counter, timed
   * from the distinct last refreshes the samples saw.
   */
  public static RefreshStats refreshes(List<Sample> samples, Instant from, Instant to) {
    Map<Instant, ProcessProgress.Refresh> seen = new LinkedHashMap<>();
    for (Sample s : samples) {
      ProcessProgress.Refresh r = s.lastRefresh();
      if (r != null
          && r.committedAt() != null
          && r.committedAt().isAfter(from)
          && !r.committedAt().isAfter(to)) {
        seen.putIfAbsent(r.committedAt(), r);
      }
    }
    Long counted = increase(window(samples, from, to), Sample::goldRefreshes);
    long refreshes = Math.max(counted == null ? 0 : counted, seen.size());
    if (seen.isEmpty()) {
      return new RefreshStats(refreshes, 0, null, null);
    }
    double sum = 0;
    double max = 0;
    for (ProcessProgress.Refresh r : seen.values()) {
      sum += r.seconds();
      max = Math.max(max, r.seconds());
    }
    return new RefreshStats(refreshes, seen.size(), sum / seen.size(), max);
  }
}
