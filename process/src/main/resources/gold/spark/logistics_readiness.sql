-- gold.logistics_readiness, key unit_id. Spark SQL over the silver views.
-- Each unit's latest supply status, the unit's latest region (the region of its latest status
-- update; the supply status's own region when the unit has no status update or that update has
-- no region) and that region's latest weather (docs/gold.md).
WITH latest_supply AS (
  SELECT id, unit_id, region_id, supply_level, event_time
  FROM (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY unit_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.supply_status s
    WHERE unit_id IS NOT NULL
  )
  WHERE rn = 1
),
latest_status AS (
  SELECT unit_id, region_id
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
  SELECT region_id, weather_type, intensity, wind_speed_kmh
  FROM (
    SELECT w.*,
           ROW_NUMBER() OVER (PARTITION BY region_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.weather_events w
    WHERE region_id IS NOT NULL
  )
  WHERE rn = 1
),
placed AS (
  SELECT sp.id AS supply_status_id,
         sp.unit_id,
         sp.supply_level,
         sp.event_time,
         COALESCE(st.region_id, sp.region_id) AS region_id
  FROM latest_supply sp
  LEFT JOIN latest_status st ON st.unit_id = sp.unit_id
),
projected AS (
  SELECT
    p.*,
    r.region_name,
    r.terrain_type,
    lw.weather_type,
    lw.wind_speed_kmh,
    CAST(ROUND(p.supply_level * CAST(
      CASE WHEN lw.weather_type IN ('rain', 'storm')
           THEN LEAST(GREATEST(
                  1 - 0.5 * COALESCE(lw.intensity, 0)
                        * CASE r.terrain_type WHEN 'mountain' THEN 0.7 ELSE 1.0 END, 0), 1)
           ELSE 1 END AS DECIMAL(7, 6)), 4) AS DECIMAL(19, 4)) AS projected_supply
  FROM placed p
  LEFT JOIN silver.regions r ON r.id = p.region_id
  LEFT JOIN latest_weather lw ON lw.region_id = p.region_id
)
SELECT
  unit_id,
  supply_status_id,
  supply_level,
  region_id,
  region_name,
  terrain_type,
  weather_type,
  wind_speed_kmh,
  projected_supply,
  -- No weather (or no wind reading) counts as calm; an unknown supply level is not feasible.
  COALESCE(COALESCE(wind_speed_kmh, 0) <= 50 AND projected_supply >= 20, FALSE)
    AS resupply_feasible,
  event_time
FROM projected
