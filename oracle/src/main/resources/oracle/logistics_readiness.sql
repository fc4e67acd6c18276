-- Oracle for gold.logistics_readiness: PostgreSQL over public.* of postgres-source.
-- Written independently of the Spark SQL; same contract and rules (docs/gold.md).
WITH latest_supply AS (
  SELECT DISTINCT ON (unit_id) id, unit_id, region_id, supply_level, event_time
  FROM public.supply_status
  WHERE unit_id IS NOT NULL
  ORDER BY unit_id, event_time DESC NULLS LAST, id DESC
),
located AS (
  -- The unit's latest region: its latest status update's, else the supply report's.
  SELECT sp.*, coalesce(st.region_id, sp.region_id) AS unit_region_id
  FROM latest_supply sp
  LEFT JOIN LATERAL (
    SELECT s.region_id
    FROM public.unit_status_updates s
    WHERE s.unit_id = sp.unit_id
    ORDER BY s.event_time DESC NULLS LAST, s.id DESC
    LIMIT 1
  ) st ON true
),
latest_weather AS (
  SELECT DISTINCT ON (region_id) region_id, weather_type, intensity, wind_speed_kmh
  FROM public.weather_events
  WHERE region_id IS NOT NULL
  ORDER BY region_id, event_time DESC NULLS LAST, id DESC
),
projected AS (
  SELECT
    l.*,
    r.region_name,
    r.terrain_type,
    wx.weather_type,
    wx.wind_speed_kmh,
    round(l.supply_level
          * CASE WHEN wx.weather_type IN ('rain', 'storm')
                 THEN greatest(0, least(1,
                        1 - 0.5 * coalesce(wx.intensity, 0)
                              * CASE WHEN r.terrain_type = 'mountain' THEN 0.7 ELSE 1.0 END))
                 ELSE 1 END, 4)::numeric(19,4) AS projected_supply
  FROM located l
  LEFT JOIN public.regions r ON r.id = l.unit_region_id
  LEFT JOIN latest_weather wx ON wx.region_id = l.unit_region_id
)
SELECT
  p.unit_id::text           AS unit_id,
  p.id::text                AS supply_status_id,
  p.supply_level,
  p.unit_region_id::text    AS region_id,
  p.region_name::text       AS region_name,
  p.terrain_type::text      AS terrain_type,
  p.weather_type::text      AS weather_type,
  p.wind_speed_kmh,
  p.projected_supply,
  coalesce(coalesce(p.wind_speed_kmh, 0) <= 50 AND p.projected_supply >= 20, false)
                            AS resupply_feasible,
  p.event_time
FROM projected p
