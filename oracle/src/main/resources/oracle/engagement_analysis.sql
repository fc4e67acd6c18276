-- Oracle for gold.engagement_analysis: PostgreSQL over public.* of postgres-source.
-- Written independently of the Spark SQL; same contract and rules (docs/gold.md). Everything is
-- "as of" the engagement: only rows with event_time <= the engagement's count.
SELECT
  e.id::text              AS engagement_id,
  e.attacker_id::text     AS attacker_id,
  e.target_id::text       AS target_id,
  e.weapon_id::text       AS weapon_id,
  pos.region_id::text     AS region_id,
  r.region_name::text     AS region_name,
  r.terrain_type::text    AS terrain_type,
  wx.weather_type::text   AS weather_type,
  j.jammed,
  e.hit,
  e.result::text          AS result,
  e.roe_compliant,
  wp.hit_probability,
  round(CASE WHEN wp.hit_probability IS NULL THEN NULL
             ELSE greatest(0, least(1,
                    wp.hit_probability
                    * CASE WHEN wx.weather_type = 'fog'
                           THEN greatest(0, least(1, 1 - 0.2 * coalesce(wx.intensity, 0)))
                           ELSE 1 END
                    * CASE WHEN j.jammed THEN 0.7 ELSE 1 END))
        END, 4)::numeric(19,4) AS adjusted_hit_probability,
  round((CASE WHEN wx.weather_type = 'fog' THEN 0.8 ELSE 1 END)
        * (CASE WHEN j.jammed THEN 0.7 ELSE 1 END)
        * (CASE WHEN r.terrain_type = 'mountain' THEN 0.8 ELSE 1 END), 4)::numeric(19,4)
                          AS impact_factor,
  e.event_time
FROM public.engagement_events e
LEFT JOIN LATERAL (
  SELECT s.region_id
  FROM public.unit_status_updates s
  WHERE s.unit_id = e.attacker_id AND s.event_time <= e.event_time
  ORDER BY s.event_time DESC, s.id DESC
  LIMIT 1
) pos ON true
LEFT JOIN public.regions r ON r.id = pos.region_id
LEFT JOIN LATERAL (
  SELECT w.weather_type, w.intensity
  FROM public.weather_events w
  WHERE w.region_id = pos.region_id AND w.event_time <= e.event_time
  ORDER BY w.event_time DESC, w.id DESC
  LIMIT 1
) wx ON true
LEFT JOIN public.weapons wp ON wp.id = e.weapon_id
CROSS JOIN LATERAL (
  -- Jammed: some sensor of the attacker whose latest EW event by then is 'jammed'.
  SELECT EXISTS (
    SELECT 1
    FROM public.sensors se
    CROSS JOIN LATERAL (
      SELECT x.effect
      FROM public.cyber_ew_events x
      WHERE x.target_sensor_id = se.id AND x.event_time <= e.event_time
      ORDER BY x.event_time DESC, x.id DESC
      LIMIT 1
    ) last_effect
    WHERE se.unit_id = e.attacker_id AND last_effect.effect = 'jammed'
  ) AS jammed
) j
