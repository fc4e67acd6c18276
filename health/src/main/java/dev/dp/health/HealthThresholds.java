package dev.dp.health;

import dev.dp.catalog.ConfigException;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds the verdicts judge by, from the declared {@code dp.health.*} settings ({@link
 * DpSettings}); each is overridable by environment or {@code -D}.
 *
 * @param runBound the whole run: a check without an answer by then FAILs
 * @param callTimeout every single call a probe makes
 * @param sampleWindow how long growth is watched (two readings this far apart)
 * @param generatorStale a running generator whose last commit is older FAILs
 * @param walRetainedWarnBytes WAL held by the replication slot above which step 4 WARNs
 * @param walRetainedFailBytes ... and above which it FAILs
 * @param ingestLagWarnRecords Kafka records behind above which step 11 WARNs
 * @param ingestStall an ingest job behind Kafka without progress for this long FAILs
 * @param processStall a process job that has not looked at silver for this long FAILs, and gold
 *     older than a silver version visible for this long FAILs
 * @param hdfsFreeWarnPercent HDFS capacity left below which step 6 WARNs
 * @param hdfsFreeFailPercent ... and below which it FAILs
 */
public record HealthThresholds(
    Duration runBound,
    Duration callTimeout,
    Duration sampleWindow,
    Duration generatorStale,
    long walRetainedWarnBytes,
    long walRetainedFailBytes,
    long ingestLagWarnRecords,
    Duration ingestStall,
    Duration processStall,
    int hdfsFreeWarnPercent,
    int hdfsFreeFailPercent) {

  private static final long MB = 1024L * 1024L;

  /** The thresholds of a stack's configuration; checks that the WARN bounds come before FAIL. */
  public static HealthThresholds of(DpConfig config) {
    HealthThresholds t =
        new HealthThresholds(
            Duration.ofSeconds(config.get(DpSettings.HEALTH_TIMEOUT_SECONDS)),
            Duration.ofMillis(config.get(DpSettings.HEALTH_PROBE_TIMEOUT_MILLIS)),
            Duration.ofMillis(config.get(DpSettings.HEALTH_SAMPLE_MILLIS)),
            Duration.ofSeconds(config.get(DpSettings.HEALTH_GENERATOR_STALE_SECONDS)),
            config.get(DpSettings.HEALTH_WAL_RETAINED_WARN_MB) * MB,
            config.get(DpSettings.HEALTH_WAL_RETAINED_FAIL_MB) * MB,
            config.get(DpSettings.HEALTH_INGEST_LAG_WARN_RECORDS),
            Duration.ofSeconds(config.get(DpSettings.HEALTH_INGEST_STALL_SECONDS)),
            Duration.ofSeconds(config.get(DpSettings.HEALTH_PROCESS_STALL_SECONDS)),
            config.get(DpSettings.HEALTH_HDFS_FREE_WARN_PERCENT),
            config.get(DpSettings.HEALTH_HDFS_FREE_FAIL_PERCENT));
    List<String> problems = t.problems();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return t;
  }

  /** What is inconsistent between the bounds (each one alone is validated by its setting). */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (walRetainedWarnBytes > walRetainedFailBytes) {
      problems.add(
          DpSettings.HEALTH_WAL_RETAINED_WARN_MB.key()
              + " ("
              + walRetainedWarnBytes / MB
              + ") must not exceed "
              + DpSettings.HEALTH_WAL_RETAINED_FAIL_MB.key()
              + " ("
              + walRetainedFailBytes / MB
              + ")");
    }
    if (hdfsFreeFailPercent > hdfsFreeWarnPercent) {
      problems.add(
          DpSettings.HEALTH_HDFS_FREE_FAIL_PERCENT.key()
              + " ("
              + hdfsFreeFailPercent
              + ") must not exceed "
              + DpSettings.HEALTH_HDFS_FREE_WARN_PERCENT.key()
              + " ("
              + hdfsFreeWarnPercent
              + ")");
    }
    if (callTimeout.compareTo(runBound) >= 0) {
      problems.add(
          DpSettings.HEALTH_PROBE_TIMEOUT_MILLIS.key()
              + " ("
              + callTimeout.toMillis()
              + ") must be shorter than "
              + DpSettings.HEALTH_TIMEOUT_SECONDS.key()
              + " ("
              + runBound.toSeconds()
              + " s)");
    }
    return problems;
  }

  /** {@link #callTimeout()} in milliseconds, for clients that take an int. */
  public int callTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, callTimeout.toMillis());
  }
}
