-- gold.engagement_analysis, key engagement_id. Spark SQL over the silver views.
-- Each engagement with the conditions *as of* its event_time: the attacker's latest status update
-- at or before it (its region and terrain), that region's latest weather at or before it, and
-- whether any sensor of the attacker was jammed then, i.e. the latest EW event against that
-- sensor at or before the engagement is 'jammed' (docs/gold.md). Nothing after the engagement
-- counts. Factors are exact decimals (see effective_unit_strength.sql).
WITH status_as_of AS (
  SELECT engagement_id, region_id
  FROM (
    SELECT e.id AS engagement_id,
           s.region_id,
           ROW_NUMBER() OVER (PARTITION BY e.id
                              ORDER BY s.event_time DESC, s.id DESC) AS rn
    FROM silver.engagement_events e
    JOIN silver.unit_status_updates s
      ON s.unit_id = e.attacker_id AND s.event_time <= e.event_time
  )
  WHERE rn = 1
),
weather_as_of AS (
  SELECT engagement_id, weather_type, intensity
  FROM (
    SELECT e.id AS engagement_id,
           w.weather_type,
           w.intensity,
           ROW_NUMBER() OVER (PARTITION BY e.id
                              ORDER BY w.event_time DESC, w.id DESC) AS rn
    FROM silver.engagement_events e
    JOIN status_as_of sa ON sa.engagement_id = e.id
    JOIN silver.weather_events w
      ON w.region_id = sa.region_id AND w.event_time <= e.event_time
  )
  WHERE rn = 1
),
sensor_effect_as_of AS (
  SELECT engagement_id, effect
  FROM (
    SELECT e.id AS engagement_id,
           x.effect,
           ROW_NUMBER() OVER (PARTITION BY e.id, x.target_sensor_id
                              ORDER BY x.event_time DESC, x.id DESC) AS rn
    FROM silver.engagement_events e
    JOIN silver.sensors se ON se.unit_id = e.attacker_id
    JOIN silver.cyber_ew_events x
      ON x.target_sensor_id = se.id AND x.event_time <= e.event_time
  )
  WHERE rn = 1
),
jammed AS (
  SELECT DISTINCT engagement_id
  FROM sensor_effect_as_of
  WHERE effect = 'jammed'
),
factored AS (
  SELECT
    e.id AS engagement_id,
    e.attacker_id,
    e.target_id,
    e.weapon_id,
    sa.region_id,
    r.region_name,
    r.terrain_type,
    wa.weather_type,
    j.engagement_id IS NOT NULL AS jammed,
    e.hit,
    e.result,
    e.roe_compliant,
    w.hit_probability,
    e.event_time,
    CAST(CASE WHEN wa.weather_type = 'fog'
              THEN LEAST(GREATEST(1 - 0.2 * COALESCE(wa.intensity, 0), 0), 1)
              ELSE 1 END AS DECIMAL(6, 5)) AS fog_factor,
    CASE WHEN j.engagement_id IS NOT NULL THEN 0.7 ELSE 1.0 END AS jamming_factor,
    CASE WHEN wa.weather_type = 'fog' THEN 0.8 ELSE 1.0 END AS fog_impact,
    CASE WHEN r.terrain_type = 'mountain' THEN 0.8 ELSE 1.0 END AS terrain_impact
  FROM silver.engagement_events e
  LEFT JOIN status_as_of sa ON sa.engagement_id = e.id
  LEFT JOIN silver.regions r ON r.id = sa.region_id
  LEFT JOIN weather_as_of wa ON wa.engagement_id = e.id
  LEFT JOIN jammed j ON j.engagement_id = e.id
  LEFT JOIN silver.weapons w ON w.id = e.weapon_id
)
SELECT
  engagement_id,
  attacker_id,
  target_id,
  weapon_id,
  region_id,
  region_name,
  terrain_type,
  weather_type,
  jammed,
  hit,
  result,
  roe_compliant,
  hit_probability,
  CAST(ROUND(CASE WHEN hit_probability * fog_factor * jamming_factor < 0 THEN 0
                  WHEN hit_probability * fog_factor * jamming_factor > 1 THEN 1
                  ELSE hit_probability * fog_factor * jamming_factor END, 4)
       AS DECIMAL(19, 4)) AS adjusted_hit_probability,
  CAST(ROUND(fog_impact * jamming_factor * terrain_impact, 4) AS DECIMAL(19, 4)) AS impact_factor,
  event_time
FROM factored
