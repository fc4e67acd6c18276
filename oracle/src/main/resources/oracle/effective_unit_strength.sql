-- Oracle for gold.effective_unit_strength: PostgreSQL over public.* of postgres-source.
-- Written independently of the Spark SQL; same contract (dev.dp.process.GoldTable) and rules
-- (docs/gold.md). numeric arithmetic is exact; results are rounded half up to 4 places.
WITH latest_status AS (
  SELECT DISTINCT ON (unit_id) id, unit_id, region_id, health_percent, event_time
  FROM public.unit_status_updates
  WHERE unit_id IS NOT NULL
  ORDER BY unit_id, event_time DESC NULLS LAST, id DESC
),
latest_weather AS (
  SELECT DISTINCT ON (region_id)
         id, region_id, weather_type, intensity, wind_speed_kmh, precipitation_mm
  FROM public.weather_events
  WHERE region_id IS NOT NULL
  ORDER BY region_id, event_time DESC NULLS LAST, id DESC
)
SELECT
  s.unit_id::text                                   AS unit_id,
  w.id::text                                        AS weapon_id,
  s.id::text                                        AS status_update_id,
  s.region_id::text                                 AS region_id,
  r.region_name::text                               AS region_name,
  r.terrain_type::text                              AS terrain_type,
  lw.id::text                                       AS weather_event_id,
  lw.weather_type::text                             AS weather_type,
  w.range_km,
  w.hit_probability,
  s.health_percent,
  f.terrain::numeric(19,4)                          AS terrain_factor,
  round(w.range_km * f.terrain * f.wind, 4)::numeric(19,4) AS effective_range_km,
  round(h.hit, 4)::numeric(19,4)                    AS adjusted_hit_probability,
  round(h.hit * f.health, 4)::numeric(19,4)         AS attacking_strength,
  s.event_time
FROM latest_status s
JOIN public.weapons w ON w.unit_id = s.unit_id
LEFT JOIN public.regions r ON r.id = s.region_id
LEFT JOIN latest_weather lw ON lw.region_id = s.region_id
CROSS JOIN LATERAL (
  SELECT
    CASE r.terrain_type WHEN 'mountain' THEN 0.8 WHEN 'swamp' THEN 0.7 ELSE 1.0 END AS terrain,
    greatest(0, least(1, 1 - coalesce(lw.wind_speed_kmh, 0) / 1000))              AS wind,
    greatest(0, least(1, 1 - 0.015 * coalesce(lw.precipitation_mm, 0)))            AS precipitation,
    CASE WHEN lw.weather_type = 'fog'
         THEN greatest(0, least(1, 1 - 0.2 * coalesce(lw.intensity, 0)))
         ELSE 1 END                                                                AS fog,
    -- greatest/least ignore nulls: an unknown health must stay unknown.
    CASE WHEN s.health_percent IS NULL THEN NULL
         ELSE greatest(0, least(1, s.health_percent / 100)) END                    AS health
) f
CROSS JOIN LATERAL (
  SELECT CASE WHEN w.hit_probability IS NULL THEN NULL
              ELSE greatest(0, least(1, w.hit_probability * f.precipitation * f.fog)) END AS hit
) h
