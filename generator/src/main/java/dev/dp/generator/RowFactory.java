package dev.dp.generator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Makes the rows of each source table with values in the ranges of DOMAIN.md. One method per table,
 * because each table has its own columns; everything generic (SQL, model bookkeeping) lives in
 * {@link RowValues}.
 */
final class RowFactory {

  static final List<String> CLASSIFICATIONS =
      List.of("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP_SECRET");
  static final List<String> TERRAIN_TYPES =
      List.of("mountain", "desert", "urban", "forest", "swamp");
  static final List<String> TARGET_TYPES = List.of("missile", "aircraft", "tank", "ship", "drone");
  static final List<String> INTENTS =
      List.of("attack", "reconnaissance", "transit", "electronic_attack", "unknown");
  static final List<String> WEAPON_TYPES =
      List.of("missile", "gun", "torpedo", "directed_energy", "cyber_payload");
  static final List<String> SENSOR_TYPES =
      List.of("radar", "sonar", "eo_ir", "sigint", "space_based");
  static final List<String> SENSOR_STATUSES = List.of("active", "active", "active", "degraded");
  static final List<String> ACTIONS =
      List.of("monitor", "intercept", "engage", "jam", "evade", "escalate");
  static final List<String> ROE_RULES =
      List.of(
          "no_collateral",
          "weapons_tight",
          "weapons_free",
          "weapons_hold",
          "self_defense_only",
          "positive_id_required");
  static final List<String> PHONETIC =
      List.of(
          "Alpha",
          "Bravo",
          "Charlie",
          "Delta",
          "Echo",
          "Foxtrot",
          "Golf",
          "Hotel",
          "India",
          "Juliett",
          "Kilo",
          "Lima",
          "Mike",
          "November",
          "Oscar",
          "Papa",
          "Quebec",
          "Romeo",
          "Sierra",
          "Tango",
          "Uniform",
          "Victor",
          "Whiskey",
          "Xray",
          "Yankee",
          "Zulu");
  static final Map<String, List<String>> UNIT_TYPES =
      Map.of(
          "land", List.of("armor", "infantry", "artillery", "air_defense"),
          "sea", List.of("destroyer", "frigate", "submarine", "carrier"),
          "air", List.of("fighter", "bomber", "awacs", "tanker"),
          "space", List.of("satellite", "ground_station"),
          "cyber", List.of("cyber_protection_team", "ew_company"));
  static final Map<String, String> TARGET_DOMAINS =
      Map.of("missile", "air", "aircraft", "air", "tank", "land", "ship", "sea", "drone", "air");
  // Alerts skew high: the alerts_with_commands gold table keeps high and critical ones.
  static final List<String> ALERT_LEVELS =
      List.of("low", "medium", "medium", "high", "high", "high", "critical", "critical");

  /** About one alert in this many gets a message long enough to be TOASTed. */
  static final int LONG_MESSAGE_ONE_IN = 8;

  // The feed (src) each table's rows come from.
  private static final String C2 = "c2_system";
  private static final String RADAR = "radar_feed";
  private static final String METOC = "metoc";
  private static final String LOGISTICS = "logistics";
  private static final String EW = "ew_sensor";

  // Reference tables -------------------------------------------------------------------------

  RowValues region(Rng r, int number) {
    return new RowValues("regions", r.uuid())
        .set("src", C2)
        .set("region_name", "Sector " + PHONETIC.get((number - 1) % PHONETIC.size()) + "-" + number)
        .set("terrain_type", r.pick(TERRAIN_TYPES))
        .set("infrastructure_level", Values.number(r, 0, 1))
        .set("area_sqkm", Values.number(r, 200, 50_000))
        .set("lat_center", Values.latitude(r))
        .set("lon_center", Values.longitude(r))
        .set("classification", r.pick(CLASSIFICATIONS));
  }

  RowValues target(Rng r, int number) {
    String type = r.pick(TARGET_TYPES);
    return new RowValues("targets", r.uuid())
        .set("src", RADAR)
        .set("target_code", String.format("HOSTILE_%04d", number))
        .set("target_type", type)
        .cast("domain", "domain_type", TARGET_DOMAINS.get(type))
        .set("estimated_intent", r.pick(INTENTS))
        .cast("threat_level", "threat_level", r.pick(SourceEnums.THREAT_LEVEL))
        .cast("iff_status", "iff_status", r.chance(0.6) ? "foe" : r.pick(SourceEnums.IFF_STATUS))
        .set("classification", r.pick(CLASSIFICATIONS));
  }

  RowValues user(Rng r, int number) {
    String role = r.pick(SourceEnums.USER_ROLE);
    return new RowValues("users", r.uuid())
        .set("src", C2)
        .set("username", String.format("%s_%04d", role, number))
        .cast("role", "user_role", role)
        .set("classification", r.pick(CLASSIFICATIONS));
  }

  RowValues unit(Rng r, int number) {
    String domain = r.pick(SourceEnums.DOMAIN_TYPE);
    return new RowValues("units", r.uuid())
        .set("src", C2)
        .set("name", "Task Force " + PHONETIC.get((number - 1) % PHONETIC.size()) + "-" + number)
        .cast("domain", "domain_type", domain)
        .set("unit_type", r.pick(UNIT_TYPES.get(domain)))
        .cast("status", "unit_status", r.chance(0.7) ? "ready" : r.pick(SourceEnums.UNIT_STATUS))
        .set("classification", r.pick(CLASSIFICATIONS));
  }

  RowValues weapon(Rng r, String unitId) {
    String type = r.pick(WEAPON_TYPES);
    return new RowValues("weapons", r.uuid())
        .set("src", C2)
        .ref("unit_id", unitId)
        .set("name", type.toUpperCase() + "-" + (100 + r.nextInt(900)))
        .set("weapon_type", type)
        .cast("effective_domain", "domain_type", r.pick(SourceEnums.DOMAIN_TYPE))
        .set("range_km", Values.number(r, 1, 500))
        .set("hit_probability", Values.number(r, 0.3, 0.95))
        .set("speed_kmh", Values.number(r, 300, 6_000));
  }

  RowValues sensor(Rng r, String unitId) {
    return new RowValues("sensors", r.uuid())
        .set("src", EW)
        .ref("unit_id", unitId)
        .set("sensor_type", r.pick(SENSOR_TYPES))
        .set("range_km", Values.number(r, 10, 600))
        .set("status", r.pick(SENSOR_STATUSES));
  }

  // Event tables -----------------------------------------------------------------------------

  RowValues detection(
      Rng r, OffsetDateTime time, String sensorId, String targetId, String regionId) {
    return new RowValues("detections", r.uuid())
        .set("src", RADAR)
        .ref("sensor_id", sensorId)
        .ref("target_id", targetId)
        .cast("target_domain", "domain_type", r.pick(SourceEnums.DOMAIN_TYPE))
        .ref("region_id", regionId)
        .set("lat", Values.latitude(r))
        .set("lon", Values.longitude(r))
        .set("altitude_depth", Values.number(r, -500, 20_000))
        .set(
            "speed_kmh",
            r.chance(0.05) ? Values.round(0, Values.NUMBER_SCALE) : Values.number(r, 10, 3_000))
        .set("heading_deg", Values.number(r, 0, 360))
        .set("confidence", Values.number(r, 0, 1))
        .cast("iff_status", "iff_status", r.pick(SourceEnums.IFF_STATUS))
        .cast("threat_level", "threat_level", r.pick(SourceEnums.THREAT_LEVEL))
        .set("event_time", time);
  }

  RowValues weatherEvent(Rng r, OffsetDateTime time, String regionId) {
    return new RowValues("weather_events", r.uuid())
        .set("src", METOC)
        .ref("region_id", regionId)
        .cast("weather_type", "weather_type", r.pick(SourceEnums.WEATHER_TYPE))
        .set("intensity", Values.number(r, 0, 1))
        .set("wind_speed_kmh", Values.number(r, 0, 120))
        .set("precipitation_mm", Values.number(r, 0, 50))
        .set("event_time", time);
  }

  RowValues unitStatusUpdate(Rng r, OffsetDateTime time, String unitId, String regionId) {
    return new RowValues("unit_status_updates", r.uuid())
        .set("src", C2)
        .ref("unit_id", unitId)
        .ref("region_id", regionId)
        .set("lat", Values.latitude(r))
        .set("lon", Values.longitude(r))
        .set("health_percent", Values.number(r, 0, 100))
        .set("max_range_km", Values.number(r, 5, 1_500))
        .cast("status", "unit_status", r.pick(SourceEnums.UNIT_STATUS))
        .set("event_time", time);
  }

  RowValues supplyStatus(Rng r, OffsetDateTime time, String unitId, String regionId) {
    return new RowValues("supply_status", r.uuid())
        .set("src", LOGISTICS)
        .ref("unit_id", unitId)
        .ref("region_id", regionId)
        .set("supply_level", Values.number(r, 0, 100))
        .set("event_time", time);
  }

  RowValues cyberEwEvent(Rng r, OffsetDateTime time, String sourceUnitId, String sensorId) {
    return new RowValues("cyber_ew_events", r.uuid())
        .set("src", EW)
        .ref("source_unit_id", sourceUnitId)
        .ref("target_sensor_id", sensorId)
        .cast("effect", "ew_effect", r.pick(SourceEnums.EW_EFFECT))
        .cast("impact_domain", "domain_type", r.pick(SourceEnums.DOMAIN_TYPE))
        .cast("level", "threat_level", r.pick(SourceEnums.THREAT_LEVEL))
        .set("event_time", time);
  }

  RowValues engagementEvent(
      Rng r, OffsetDateTime time, String attackerId, String targetId, String weaponId) {
    boolean hit = r.chance(0.55);
    String result =
        hit ? (r.chance(0.5) ? "destroyed" : "damaged") : r.chance(0.5) ? "escaped" : "missed";
    return new RowValues("engagement_events", r.uuid())
        .set("src", C2)
        .ref("attacker_id", attackerId)
        .ref("target_id", targetId)
        .ref("weapon_id", weaponId)
        .set("hit", hit)
        .cast("result", "engagement_result", result)
        .set("roe_compliant", r.chance(0.9))
        .set("event_time", time);
  }

  RowValues roeUpdate(Rng r, OffsetDateTime time) {
    int first = r.nextInt(ROE_RULES.size());
    int count = 1 + r.nextInt(3);
    StringBuilder json = new StringBuilder("[");
    for (int k = 0; k < count; k++) {
      json.append(k == 0 ? "" : ", ")
          .append('"')
          .append(ROE_RULES.get((first + k) % ROE_RULES.size()))
          .append('"');
    }
    return new RowValues("roe_updates", r.uuid())
        .set("src", C2)
        .cast("rules", "jsonb", json.append(']').toString())
        .set("event_time", time);
  }

  RowValues alert(Rng r, OffsetDateTime time, String detectionId) {
    String level = r.pick(ALERT_LEVELS);
    String summary =
        String.format(
            "%s threat: contact on track %s, confidence %s. Recommended action: %s.",
            level.toUpperCase(), Values.hex8(r), Values.number(r, 0, 1), r.pick(ACTIONS));
    String msg =
        r.nextInt(LONG_MESSAGE_ONE_IN) == 0
            ? Values.paddedText(
                r,
                summary + "\nRaw track report:\n",
                Values.LONG_TEXT_MIN + r.nextInt(Values.LONG_TEXT_MAX - Values.LONG_TEXT_MIN))
            : summary;
    return new RowValues("alerts", r.uuid())
        .set("src", C2)
        .ref("detection_id", detectionId)
        .cast("status", "alert_status", "active")
        .set("msg", msg)
        .cast("threat_level", "threat_level", level)
        .set("created_at", time);
  }

  RowValues command(Rng r, OffsetDateTime time, String alertId, String unitId, String userId) {
    return new RowValues("commands", r.uuid())
        .set("src", C2)
        .ref("alert_id", alertId)
        .ref("unit_id", unitId)
        .ref("user_id", userId)
        .set("action", r.pick(ACTIONS))
        .set("event_time", time);
  }
}
