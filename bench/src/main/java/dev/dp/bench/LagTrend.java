package dev.dp.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Whether the ingest job's Kafka lag grew during the steady phase. The lag of a micro-batch job is
 * a saw-tooth (it rises between batches and drops when one commits), so a single reading says
 * little; the bench compares the mean lag of the phase's last third of readings with that of its
 * first third. Their difference over the time between the two thirds' mid-points is the slope: a
 * job that keeps up has a slope near 0, one that falls behind a slope near (offered − consumed)
 * records per second.
 *
 * @param samples lag readings in the phase
 * @param maxLag the largest reading
 * @param firstThirdMeanLag mean of the first third of the readings
 * @param lastThirdMeanLag mean of the last third
 * @param slopeRecordsPerSecond {@code (last − first) / (seconds between their mid-points)}
 * @param toleratedSlopeRecordsPerSecond the slope up to which the lag counts as not growing:
 *     {@value #TOLERANCE} of the events offered per second, at least 1
 * @param lagNotGrowing the pass/fail figure; null when there were too few readings
 * @param note why there is no verdict, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LagTrend(
    int samples,
    Long maxLag,
    Double firstThirdMeanLag,
    Double lastThirdMeanLag,
    Double slopeRecordsPerSecond,
    double toleratedSlopeRecordsPerSecond,
    Boolean lagNotGrowing,
    String note) {

  /** The share of the offered event rate the lag may grow by and still count as not growing. */
  public static final double TOLERANCE = 0.05;

  /** Fewer lag readings than this give no verdict. */
  static final int MIN_SAMPLES = 6;

  /**
   * The trend of the lag over the steady phase's samples.
   *
   * @param steady the samples of the steady phase, in time order
   * @param offeredEventsPerSecond events per second entering the topics (sets the tolerance)
   */
  public static LagTrend of(List<Sample> steady, double offeredEventsPerSecond) {
    List<Sample> readings = steady.stream().filter(s -> s.kafkaLag() != null).toList();
    double tolerated = Math.max(1.0, TOLERANCE * offeredEventsPerSecond);
    Long max = PhaseFigures.max(readings, Sample::kafkaLag);
    if (readings.size() < MIN_SAMPLES) {
      return new LagTrend(
          readings.size(),
          max,
          null,
          null,
          null,
          tolerated,
          null,
          "no data: "
              + readings.size()
              + " lag reading(s) in the steady phase, at least "
              + MIN_SAMPLES
              + " needed (was Kafka reachable?)");
    }
    int third = readings.size() / 3;
    List<Sample> first = readings.subList(0, third);
    List<Sample> last = readings.subList(readings.size() - third, readings.size());
    double firstLag = meanLag(first);
    double lastLag = meanLag(last);
    double seconds = meanMillis(last) / 1000.0 - meanMillis(first) / 1000.0;
    double slope = seconds <= 0 ? 0 : (lastLag - firstLag) / seconds;
    return new LagTrend(
        readings.size(), max, firstLag, lastLag, slope, tolerated, slope <= tolerated, null);
  }

  private static double meanMillis(List<Sample> samples) {
    long t0 = samples.get(0).at().toEpochMilli();
    return t0 + samples.stream().mapToLong(s -> s.at().toEpochMilli() - t0).average().orElse(0);
  }

  private static double meanLag(List<Sample> samples) {
    return samples.stream().mapToLong(Sample::kafkaLag).average().orElse(0);
  }
}
