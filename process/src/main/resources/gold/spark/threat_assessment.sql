-- gold.threat_assessment, key target_id. Spark SQL over the silver views.
-- Each target's latest detection with the detecting sensor, the latest position of the sensor's
-- unit, the detection region's latest weather and the latest EW event against the sensor
-- (docs/gold.md). Factors are exact decimals (see effective_unit_strength.sql); the distance is a
-- double (trigonometry) rounded to 4 places, and the response time is computed from that rounded
-- distance so the published columns reproduce each other.
WITH latest_detection AS (
  SELECT *
  FROM (
    SELECT d.*,
           ROW_NUMBER() OVER (PARTITION BY target_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.detections d
    WHERE target_id IS NOT NULL
  )
  WHERE rn = 1
),
latest_position AS (
  SELECT unit_id, lat, lon
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
  SELECT region_id, weather_type, intensity
  FROM (
    SELECT w.*,
           ROW_NUMBER() OVER (PARTITION BY region_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.weather_events w
    WHERE region_id IS NOT NULL
  )
  WHERE rn = 1
),
latest_ew AS (
  SELECT target_sensor_id, effect
  FROM (
    SELECT x.*,
           ROW_NUMBER() OVER (PARTITION BY target_sensor_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.cyber_ew_events x
    WHERE target_sensor_id IS NOT NULL
  )
  WHERE rn = 1
),
joined AS (
  SELECT
    d.target_id,
    t.target_code,
    d.id AS detection_id,
    d.sensor_id,
    se.unit_id AS sensor_unit_id,
    d.region_id,
    r.region_name,
    d.iff_status,
    d.speed_kmh,
    d.confidence,
    lw.weather_type,
    ew.effect AS ew_effect,
    d.event_time,
    -- The haversine term; null without a unit position (or detection position).
    POWER(SIN(RADIANS(d.lat - p.lat) / 2), 2)
      + COS(RADIANS(p.lat)) * COS(RADIANS(d.lat)) * POWER(SIN(RADIANS(d.lon - p.lon) / 2), 2)
      AS haversine,
    CAST(CASE WHEN lw.weather_type IN ('fog', 'storm')
              THEN LEAST(GREATEST(1 - 0.3 * COALESCE(lw.intensity, 0), 0), 1)
              ELSE 1 END AS DECIMAL(6, 5)) AS weather_factor,
    CASE WHEN ew.effect = 'jammed' THEN 0.5 ELSE 1.0 END AS jamming_factor
  FROM latest_detection d
  LEFT JOIN silver.targets t ON t.id = d.target_id
  LEFT JOIN silver.sensors se ON se.id = d.sensor_id
  LEFT JOIN latest_position p ON p.unit_id = se.unit_id
  LEFT JOIN silver.regions r ON r.id = d.region_id
  LEFT JOIN latest_weather lw ON lw.region_id = d.region_id
  LEFT JOIN latest_ew ew ON ew.target_sensor_id = d.sensor_id
),
rounded AS (
  SELECT j.*,
         -- Mean Earth radius 6371 km. The term can exceed 1 by a rounding error for antipodes;
         -- CASE rather than LEAST, which would turn a null into 1.
         CAST(ROUND(2 * 6371.0 * ASIN(SQRT(CASE WHEN haversine > 1 THEN 1.0 ELSE haversine END)),
                    4) AS DECIMAL(19, 4)) AS distance_km,
         CAST(ROUND(CASE WHEN confidence * weather_factor * jamming_factor < 0 THEN 0
                         WHEN confidence * weather_factor * jamming_factor > 1 THEN 1
                         ELSE confidence * weather_factor * jamming_factor END, 4)
              AS DECIMAL(19, 4)) AS adjusted_confidence
  FROM joined j
)
SELECT
  target_id,
  target_code,
  detection_id,
  sensor_id,
  sensor_unit_id,
  region_id,
  region_name,
  iff_status,
  speed_kmh,
  confidence,
  weather_type,
  ew_effect,
  distance_km,
  adjusted_confidence,
  CASE
    WHEN iff_status = 'foe' AND speed_kmh > 500 AND adjusted_confidence > 0.8 THEN 'critical'
    WHEN (iff_status = 'foe' OR speed_kmh > 500) AND adjusted_confidence > 0.6 THEN 'high'
    WHEN adjusted_confidence > 0.3 THEN 'medium'
    ELSE 'low'
  END AS predicted_threat,
  -- A distance is at most half the Earth's circumference, so DECIMAL(9,4) holds it and the
  -- quotient keeps 24 decimal places before the final rounding.
  CASE WHEN distance_km IS NOT NULL AND speed_kmh > 0
       THEN CAST(ROUND(CAST(distance_km AS DECIMAL(9, 4)) * 3600 / speed_kmh, 4)
                 AS DECIMAL(19, 4))
  END AS response_time_sec,
  event_time
FROM rounded
