package dev.dp.process;

import static dev.dp.process.GoldType.BOOLEAN;
import static dev.dp.process.GoldType.NUMERIC;
import static dev.dp.process.GoldType.TEXT;
import static dev.dp.process.GoldType.TIMESTAMPTZ;

import dev.dp.catalog.ClasspathText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The five gold tables of DOMAIN.md: name, key, columns in order with their types, and the Spark
 * SQL that computes each from the {@code silver.<table>} views. The same columns, in the same
 * order, are what {@code gold.<name>} in {@code postgres-dest} holds and what the oracle's SQL
 * returns. The formulas, rounding and null rules are documented in docs/gold.md.
 */
public enum GoldTable {
  /** Per unit and weapon: the unit's latest status, region, weather and the weapon's strength. */
  EFFECTIVE_UNIT_STRENGTH(
      "effective_unit_strength",
      List.of("unit_id", "weapon_id"),
      cols(
          "unit_id", TEXT,
          "weapon_id", TEXT,
          "status_update_id", TEXT,
          "region_id", TEXT,
          "region_name", TEXT,
          "terrain_type", TEXT,
          "weather_event_id", TEXT,
          "weather_type", TEXT,
          "range_km", NUMERIC,
          "hit_probability", NUMERIC,
          "health_percent", NUMERIC,
          "terrain_factor", NUMERIC,
          "effective_range_km", NUMERIC,
          "adjusted_hit_probability", NUMERIC,
          "attacking_strength", NUMERIC,
          "event_time", TIMESTAMPTZ)),

  /** Per target: its latest detection, assessed against sensor position, weather and EW. */
  THREAT_ASSESSMENT(
      "threat_assessment",
      List.of("target_id"),
      cols(
          "target_id", TEXT,
          "target_code", TEXT,
          "detection_id", TEXT,
          "sensor_id", TEXT,
          "sensor_unit_id", TEXT,
          "region_id", TEXT,
          "region_name", TEXT,
          "iff_status", TEXT,
          "speed_kmh", NUMERIC,
          "confidence", NUMERIC,
          "weather_type", TEXT,
          "ew_effect", TEXT,
          "distance_km", NUMERIC,
          "adjusted_confidence", NUMERIC,
          "predicted_threat", TEXT,
          "response_time_sec", NUMERIC,
          "event_time", TIMESTAMPTZ)),

  /** Per high or critical alert: its region and latest command, the action shown to commanders. */
  ALERTS_WITH_COMMANDS(
      "alerts_with_commands",
      List.of("alert_id"),
      cols(
          "alert_id", TEXT,
          "detection_id", TEXT,
          "region_id", TEXT,
          "region_name", TEXT,
          "alert_status", TEXT,
          "threat_level", TEXT,
          "msg", TEXT,
          "created_at", TIMESTAMPTZ,
          "command_id", TEXT,
          "command_unit_id", TEXT,
          "user_id", TEXT,
          "username", TEXT,
          "user_role", TEXT,
          "action", TEXT,
          "event_time", TIMESTAMPTZ)),

  /**
   * Per unit with a supply status: projected supply under the weather, and resupply feasibility.
   */
  LOGISTICS_READINESS(
      "logistics_readiness",
      List.of("unit_id"),
      cols(
          "unit_id", TEXT,
          "supply_status_id", TEXT,
          "supply_level", NUMERIC,
          "region_id", TEXT,
          "region_name", TEXT,
          "terrain_type", TEXT,
          "weather_type", TEXT,
          "wind_speed_kmh", NUMERIC,
          "projected_supply", NUMERIC,
          "resupply_feasible", BOOLEAN,
          "event_time", TIMESTAMPTZ)),

  /** Per engagement: conditions as of the engagement and their effect on the hit probability. */
  ENGAGEMENT_ANALYSIS(
      "engagement_analysis",
      List.of("engagement_id"),
      cols(
          "engagement_id", TEXT,
          "attacker_id", TEXT,
          "target_id", TEXT,
          "weapon_id", TEXT,
          "region_id", TEXT,
          "region_name", TEXT,
          "terrain_type", TEXT,
          "weather_type", TEXT,
          "jammed", BOOLEAN,
          "hit", BOOLEAN,
          "result", TEXT,
          "roe_compliant", BOOLEAN,
          "hit_probability", NUMERIC,
          "adjusted_hit_probability", NUMERIC,
          "impact_factor", NUMERIC,
          "event_time", TIMESTAMPTZ));

  private final String tableName;
  private final List<String> keyColumns;
  private final List<GoldColumn> columns;

  GoldTable(String tableName, List<String> keyColumns, List<GoldColumn> columns) {
    this.tableName = tableName;
    this.keyColumns = keyColumns;
    this.columns = columns;
  }

  private static List<GoldColumn> cols(Object... nameTypePairs) {
    List<GoldColumn> out = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      out.add(new GoldColumn((String) nameTypePairs[i], (GoldType) nameTypePairs[i + 1]));
    }
    return List.copyOf(out);
  }

  /** The table name without schema, e.g. {@code threat_assessment}. */
  public String tableName() {
    return tableName;
  }

  /** The table in {@code postgres-dest}, e.g. {@code gold.threat_assessment}. */
  public String qualifiedName() {
    return GoldSchema.SCHEMA + "." + tableName;
  }

  /** The primary key columns, in key order (all {@link GoldType#TEXT}, never null). */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /** All columns in table order, the key columns first. */
  public List<GoldColumn> columns() {
    return columns;
  }

  /** The column names in table order. */
  public List<String> columnNames() {
    return columns.stream().map(GoldColumn::name).toList();
  }

  /** The column of that name. */
  public GoldColumn column(String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(tableName + " has no column " + name));
  }

  /** Classpath location of the Spark SQL query, e.g. {@code /gold/spark/threat_assessment.sql}. */
  public String sparkSqlResource() {
    return "/gold/spark/" + tableName + ".sql";
  }

  /**
   * The Spark SQL {@code SELECT} over the {@code silver.<source table>} views that produces exactly
   * {@link #columns()} in order. Run it with the session time zone set to UTC (instants are not
   * affected, but it keeps any rendering of them unambiguous).
   */
  public String sparkSql() {
    return ClasspathText.read(sparkSqlResource());
  }

  /**
   * The gold table of that name ({@code threat_assessment} or {@code gold.threat_assessment}).
   *
   * @throws IllegalArgumentException naming the known tables when there is none of that name
   */
  public static GoldTable byName(String name) {
    String bare = name.startsWith(GoldSchema.SCHEMA + ".") ? name.substring(5) : name;
    for (GoldTable t : values()) {
      if (t.tableName.equals(bare.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "no gold table '"
            + name
            + "'; the gold tables are "
            + Arrays.stream(values()).map(GoldTable::tableName).toList());
  }
}
