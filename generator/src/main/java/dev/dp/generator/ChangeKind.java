package dev.dp.generator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of change the workload mixes, each with its default weight (the weights add up to 100,
 * so they read as percentages). The names are the keys of the {@code --mix} option.
 */
public enum ChangeKind {
  INSERT_DETECTION(18),
  INSERT_WEATHER_EVENT(7),
  INSERT_UNIT_STATUS_UPDATE(10),
  INSERT_SUPPLY_STATUS(6),
  INSERT_CYBER_EW_EVENT(5),
  INSERT_ENGAGEMENT_EVENT(6),
  INSERT_ROE_UPDATE(2),
  INSERT_ALERT(10),
  INSERT_COMMAND(8),
  /** UPDATE units.status. */
  UPDATE_UNIT_STATUS(5),
  /** UPDATE alerts.status: active → acknowledged → resolved; msg is left alone. */
  ADVANCE_ALERT(7),
  /** UPDATE targets.threat_level. */
  UPDATE_TARGET_THREAT(4),
  /** UPDATE regions.infrastructure_level. */
  UPDATE_REGION_INFRASTRUCTURE(2),
  /** Mark an open alert dismissed, then delete its commands and itself. */
  DISMISS_ALERT(3),
  /** Mark a sensor retired, then delete it and everything that references it. */
  RETIRE_SENSOR(1),
  /** Insert a new sensor, balancing the retired ones. */
  COMMISSION_SENSOR(1),
  /** Delete the oldest event of an event table, with whatever references it. */
  AGE_OUT_EVENT(5);

  private final int defaultWeight;

  ChangeKind(int defaultWeight) {
    this.defaultWeight = defaultWeight;
  }

  /** The weight used when {@code --mix} does not name this kind. */
  public int defaultWeight() {
    return defaultWeight;
  }

  /** The name used in {@code --mix} and in the logs, e.g. {@code insert-detection}. */
  public String cliName() {
    return name().toLowerCase().replace('_', '-');
  }

  /** The kind with this {@link #cliName()}. */
  public static Optional<ChangeKind> fromCliName(String name) {
    return Arrays.stream(values()).filter(k -> k.cliName().equals(name)).findFirst();
  }
}
