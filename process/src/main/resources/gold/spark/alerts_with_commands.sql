-- gold.alerts_with_commands, key alert_id. Spark SQL over the silver views.
-- Alerts of threat level high or critical, with the region of their detection and their latest
-- command (if any) and its user. The action is shown only when that user is a commander,
-- otherwise it reads 'withheld'; without a command it is null (docs/gold.md).
WITH latest_command AS (
  SELECT id, alert_id, unit_id, user_id, action, event_time
  FROM (
    SELECT c.*,
           ROW_NUMBER() OVER (PARTITION BY alert_id
                              ORDER BY event_time DESC NULLS LAST, id DESC) AS rn
    FROM silver.commands c
    WHERE alert_id IS NOT NULL
  )
  WHERE rn = 1
)
SELECT
  a.id AS alert_id,
  a.detection_id,
  d.region_id,
  r.region_name,
  a.status AS alert_status,
  a.threat_level,
  a.msg,
  a.created_at,
  c.id AS command_id,
  c.unit_id AS command_unit_id,
  c.user_id,
  u.username,
  u.role AS user_role,
  CASE
    WHEN c.id IS NULL THEN NULL
    WHEN u.role = 'commander' THEN c.action
    ELSE 'withheld'
  END AS action,
  -- greatest() skips nulls: without a command (or its time) this is created_at.
  GREATEST(a.created_at, c.event_time) AS event_time
FROM silver.alerts a
LEFT JOIN silver.detections d ON d.id = a.detection_id
LEFT JOIN silver.regions r ON r.id = d.region_id
LEFT JOIN latest_command c ON c.alert_id = a.id
LEFT JOIN silver.users u ON u.id = c.user_id
WHERE a.threat_level IN ('high', 'critical')
