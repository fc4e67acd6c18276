-- Oracle for gold.threat_assessment: PostgreSQL over public.* of postgres-source.
-- Written independently of the Spark SQL; same contract and rules (docs/gold.md).
WITH latest_detection AS (
  SELECT DISTINCT ON (target_id) *
  FROM public.detections
  WHERE target_id IS NOT NULL
  ORDER BY target_id, event_time DESC NULLS LAST, id DESC
)
SELECT
  d.target_id::text        AS target_id,
  t.target_code::text      AS target_code,
  d.id::text               AS detection_id,
  d.sensor_id::text        AS sensor_id,
  se.unit_id::text         AS sensor_unit_id,
  d.region_id::text        AS region_id,
  r.region_name::text      AS region_name,
  d.iff_status::text       AS iff_status,
  d.speed_kmh,
  d.confidence,
  wx.weather_type::text    AS weather_type,
  ew.effect::text          AS ew_effect,
  a.distance_km,
  a.adjusted_confidence,
  CASE
    WHEN d.iff_status = 'foe' AND d.speed_kmh > 500 AND a.adjusted_confidence > 0.8 THEN 'critical'
    WHEN (d.iff_status = 'foe' OR d.speed_kmh > 500) AND a.adjusted_confidence > 0.6 THEN 'high'
    WHEN a.adjusted_confidence > 0.3 THEN 'medium'
    ELSE 'low'
  END                      AS predicted_threat,
  (CASE WHEN a.distance_km IS NOT NULL AND d.speed_kmh > 0
        THEN round(a.distance_km * 3600 / d.speed_kmh, 4)
   END)::numeric(19,4)     AS response_time_sec,
  d.event_time
FROM latest_detection d
LEFT JOIN public.targets t ON t.id = d.target_id
LEFT JOIN public.sensors se ON se.id = d.sensor_id
LEFT JOIN public.regions r ON r.id = d.region_id
LEFT JOIN LATERAL (
  SELECT u.lat, u.lon
  FROM public.unit_status_updates u
  WHERE u.unit_id = se.unit_id
  ORDER BY u.event_time DESC NULLS LAST, u.id DESC
  LIMIT 1
) pos ON true
LEFT JOIN LATERAL (
  SELECT w.weather_type, w.intensity
  FROM public.weather_events w
  WHERE w.region_id = d.region_id
  ORDER BY w.event_time DESC NULLS LAST, w.id DESC
  LIMIT 1
) wx ON true
LEFT JOIN LATERAL (
  SELECT x.effect
  FROM public.cyber_ew_events x
  WHERE x.target_sensor_id = d.sensor_id
  ORDER BY x.event_time DESC NULLS LAST, x.id DESC
  LIMIT 1
) ew ON true
CROSS JOIN LATERAL (
  -- Haversine, mean Earth radius 6371 km; null without both positions.
  SELECT sin(radians(d.lat - pos.lat) / 2) ^ 2
         + cos(radians(pos.lat)) * cos(radians(d.lat)) * sin(radians(d.lon - pos.lon) / 2) ^ 2
         AS hav
) h
CROSS JOIN LATERAL (
  SELECT
    round((2 * 6371 * asin(sqrt(CASE WHEN h.hav > 1 THEN 1 ELSE h.hav END)))::numeric, 4)
      ::numeric(19,4) AS distance_km,
    round(
      CASE WHEN d.confidence IS NULL THEN NULL
           ELSE greatest(0, least(1,
                  d.confidence
                  * CASE WHEN wx.weather_type IN ('fog', 'storm')
                         THEN greatest(0, least(1, 1 - 0.3 * coalesce(wx.intensity, 0)))
                         ELSE 1 END
                  * CASE WHEN ew.effect = 'jammed' THEN 0.5 ELSE 1 END))
      END, 4)::numeric(19,4) AS adjusted_confidence
) a
