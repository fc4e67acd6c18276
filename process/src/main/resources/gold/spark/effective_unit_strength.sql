-- gold.effective_unit_strength, key (unit_id, weapon_id). Spark SQL over the silver views.
-- One row per weapon of every unit that has a status update: the unit's latest status update,
-- the region of that update and the region's latest weather (docs/gold.md).
--
-- Exact arithmetic: every factor is clamped to [0, 1] and then cast to a decimal with one integer
-- digit and exactly the scale it needs, so that products stay within Spark's 38 digits and
-- nothing is rounded before the final ROUND(x, 4) (half up), just like PostgreSQL's numeric.
WITH latest_status AS (
  SELECT id, unit_id, region_id, health_percent, event_time
  FROM (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY unit_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.unit_status_updates s
    WHERE unit_id IS NOT NULL
  )
  WHERE rn = 1
),
latest_weather AS (
  SELECT id, region_id, weather_type, intensity, wind_speed_kmh, precipitation_mm
  FROM (
    SELECT w.*,
           ROW_NUMBER() OVER (PARTITION BY region_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.weather_events w
    WHERE region_id IS NOT NULL
  )
  WHERE rn = 1
),
factored AS (
  SELECT
    s.unit_id,
    w.id AS weapon_id,
    s.id AS status_update_id,
    s.region_id,
    r.region_name,
    r.terrain_type,
    lw.id AS weather_event_id,
    lw.weather_type,
    w.range_km,
    w.hit_probability,
    s.health_percent,
    s.event_time,
    CASE r.terrain_type WHEN 'mountain' THEN 0.8 WHEN 'swamp' THEN 0.7 ELSE 1.0 END
      AS terrain_factor,
    CAST(LEAST(GREATEST(1 - 0.001 * COALESCE(lw.wind_speed_kmh, 0), 0), 1) AS DECIMAL(8, 7))
      AS wind_factor,
    CAST(LEAST(GREATEST(1 - 0.015 * COALESCE(lw.precipitation_mm, 0), 0), 1) AS DECIMAL(8, 7))
      AS precipitation_factor,
    CAST(CASE WHEN lw.weather_type = 'fog'
              THEN LEAST(GREATEST(1 - 0.2 * COALESCE(lw.intensity, 0), 0), 1)
              ELSE 1 END AS DECIMAL(6, 5))
      AS fog_factor,
    CAST(CASE WHEN s.health_percent * 0.01 < 0 THEN 0
              WHEN s.health_percent * 0.01 > 1 THEN 1
              ELSE s.health_percent * 0.01 END AS DECIMAL(7, 6))
      AS health_factor
  FROM latest_status s
  JOIN silver.weapons w ON w.unit_id = s.unit_id
  LEFT JOIN silver.regions r ON r.id = s.region_id
  LEFT JOIN latest_weather lw ON lw.region_id = s.region_id
),
adjusted AS (
  SELECT f.*,
         CAST(CASE WHEN hit_probability * precipitation_factor * fog_factor < 0 THEN 0
                   WHEN hit_probability * precipitation_factor * fog_factor > 1 THEN 1
                   ELSE hit_probability * precipitation_factor * fog_factor END
              AS DECIMAL(17, 16)) AS adjusted_hit_exact
  FROM factored f
)
SELECT
  unit_id,
  weapon_id,
  status_update_id,
  region_id,
  region_name,
  terrain_type,
  weather_event_id,
  weather_type,
  range_km,
  hit_probability,
  health_percent,
  CAST(terrain_factor AS DECIMAL(19, 4)) AS terrain_factor,
  CAST(ROUND(range_km * terrain_factor * wind_factor, 4) AS DECIMAL(19, 4)) AS effective_range_km,
  CAST(ROUND(adjusted_hit_exact, 4) AS DECIMAL(19, 4)) AS adjusted_hit_probability,
  -- Both factors are in [0, 1], so their product is too.
  CAST(ROUND(adjusted_hit_exact * health_factor, 4) AS DECIMAL(19, 4)) AS attacking_strength,
  event_time
FROM adjusted
