package dev.dp.generator;

import java.util.List;
import java.util.Map;

/** The values of the 9 PostgreSQL ENUM types of the source schema (DOMAIN.md). */
public final class SourceEnums {

  /** {@code domain_type}. */
  public static final List<String> DOMAIN_TYPE = List.of("land", "sea", "air", "space", "cyber");

  /** {@code unit_status}. */
  public static final List<String> UNIT_STATUS =
      List.of("ready", "engaged", "damaged", "destroyed", "retreat");

  /** {@code threat_level}. */
  public static final List<String> THREAT_LEVEL = List.of("low", "medium", "high", "critical");

  /** {@code iff_status}. */
  public static final List<String> IFF_STATUS = List.of("friend", "foe", "neutral", "unknown");

  /** {@code alert_status}. */
  public static final List<String> ALERT_STATUS =
      List.of("active", "acknowledged", "resolved", "dismissed");

  /** {@code ew_effect}. */
  public static final List<String> EW_EFFECT = List.of("jammed", "spoofed", "disabled", "ddos");

  /** {@code weather_type}. */
  public static final List<String> WEATHER_TYPE = List.of("rain", "fog", "storm", "solar_flare");

  /** {@code engagement_result}. */
  public static final List<String> ENGAGEMENT_RESULT =
      List.of("destroyed", "damaged", "escaped", "missed");

  /** {@code user_role}. */
  public static final List<String> USER_ROLE = List.of("commander", "analyst", "operator");

  /** All types by name. */
  public static final Map<String, List<String>> ALL =
      Map.of(
          "domain_type", DOMAIN_TYPE,
          "unit_status", UNIT_STATUS,
          "threat_level", THREAT_LEVEL,
          "iff_status", IFF_STATUS,
          "alert_status", ALERT_STATUS,
          "ew_effect", EW_EFFECT,
          "weather_type", WEATHER_TYPE,
          "engagement_result", ENGAGEMENT_RESULT,
          "user_role", USER_ROLE);

  private SourceEnums() {}
}
