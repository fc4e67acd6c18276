package dev.dp.generator;

import java.util.Map;
import java.util.Optional;

/**
 * Which columns, besides {@code id} and the foreign keys of {@link ForeignKeyGraph}, the in-memory
 * model keeps: the event time (to age out the oldest events) and the alert status (to move alerts
 * through their life cycle). The model loader reads exactly these back after a restart.
 */
public final class TrackedColumns {

  private static final Map<String, String> TIME_COLUMNS =
      Map.ofEntries(
          Map.entry("detections", "event_time"),
          Map.entry("weather_events", "event_time"),
          Map.entry("unit_status_updates", "event_time"),
          Map.entry("supply_status", "event_time"),
          Map.entry("cyber_ew_events", "event_time"),
          Map.entry("engagement_events", "event_time"),
          Map.entry("roe_updates", "event_time"),
          Map.entry("alerts", "created_at"),
          Map.entry("commands", "event_time"));

  private static final Map<String, String> STATE_COLUMNS = Map.of("alerts", "status");

  private TrackedColumns() {}

  /** The column that orders the table's rows in time, if it has one. */
  public static Optional<String> timeColumn(String table) {
    return Optional.ofNullable(TIME_COLUMNS.get(table));
  }

  /** The life-cycle column the planner reads, if the table has one. */
  public static Optional<String> stateColumn(String table) {
    return Optional.ofNullable(STATE_COLUMNS.get(table));
  }
}
