package dev.dp.catalog;

import java.util.List;

/**
 * The 15 tables of {@code jadc2_db.public} in {@code postgres-source} (see DOMAIN.md), in
 * foreign-key order: every table appears after the tables it references. Every table has the
 * primary key {@code id uuid}.
 */
public final class SourceTables {

  /** The source database. */
  public static final String DATABASE = "jadc2_db";

  /** The source schema. */
  public static final String SCHEMA = "public";

  /** The Debezium topic prefix; topics are {@code <prefix>.public.<table>}. */
  public static final String TOPIC_PREFIX = DATABASE;

  /** The primary key column of every source table. */
  public static final String PRIMARY_KEY = "id";

  /** Table names, parents before children. */
  public static final List<String> NAMES =
      List.of(
          "regions",
          "targets",
          "users",
          "units",
          "weapons",
          "sensors",
          "detections",
          "weather_events",
          "unit_status_updates",
          "supply_status",
          "cyber_ew_events",
          "engagement_events",
          "roe_updates",
          "alerts",
          "commands");

  private SourceTables() {}

  /** The Kafka topic Debezium writes the changes of {@code table} to. */
  public static String topic(String table) {
    return TOPIC_PREFIX + "." + SCHEMA + "." + table;
  }

  /** The 15 topics, in {@link #NAMES} order. */
  public static List<String> topics() {
    return NAMES.stream().map(SourceTables::topic).toList();
  }

  /** The fully qualified source table, e.g. {@code public.regions}. */
  public static String qualified(String table) {
    return SCHEMA + "." + table;
  }
}
