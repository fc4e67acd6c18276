-- Oracle for gold.alerts_with_commands: PostgreSQL over public.* of postgres-source.
-- Written independently of the Spark SQL; same contract and rules (docs/gold.md).
SELECT
  a.id::text            AS alert_id,
  a.detection_id::text  AS detection_id,
  d.region_id::text     AS region_id,
  r.region_name::text   AS region_name,
  a.status::text        AS alert_status,
  a.threat_level::text  AS threat_level,
  a.msg,
  a.created_at,
  c.id::text            AS command_id,
  c.unit_id::text       AS command_unit_id,
  c.user_id::text       AS user_id,
  u.username::text      AS username,
  u.role::text          AS user_role,
  CASE
    WHEN c.id IS NULL THEN NULL
    WHEN u.role = 'commander' THEN c.action::text
    ELSE 'withheld'
  END                   AS action,
  greatest(a.created_at, c.event_time) AS event_time
FROM public.alerts a
LEFT JOIN public.detections d ON d.id = a.detection_id
LEFT JOIN public.regions r ON r.id = d.region_id
LEFT JOIN LATERAL (
  SELECT cmd.id, cmd.unit_id, cmd.user_id, cmd.action, cmd.event_time
  FROM public.commands cmd
  WHERE cmd.alert_id = a.id
  ORDER BY cmd.event_time DESC NULLS LAST, cmd.id DESC
  LIMIT 1
) c ON true
LEFT JOIN public.users u ON u.id = c.user_id
WHERE a.threat_level IN ('high', 'critical')
