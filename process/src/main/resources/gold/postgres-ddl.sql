-- The gold schema of postgres-dest (jadc2_db.gold). Idempotent: the process job runs it before a
-- refresh. Column lists match dev.dp.process.GoldTable; views and choices are in docs/gold.md.
-- Every number is numeric(19,4) (computed values are rounded half up to 4 places); identifiers
-- are the source UUIDs as text; enumerations are their labels as text.

CREATE SCHEMA IF NOT EXISTS gold;

CREATE TABLE IF NOT EXISTS gold.effective_unit_strength (
  unit_id text NOT NULL,
  weapon_id text NOT NULL,
  status_update_id text,
  region_id text,
  region_name text,
  terrain_type text,
  weather_event_id text,
  weather_type text,
  range_km numeric(19,4),
  hit_probability numeric(19,4),
  health_percent numeric(19,4),
  terrain_factor numeric(19,4),
  effective_range_km numeric(19,4),
  adjusted_hit_probability numeric(19,4),
  attacking_strength numeric(19,4),
  event_time timestamptz,
  PRIMARY KEY (unit_id, weapon_id)
);

CREATE TABLE IF NOT EXISTS gold.threat_assessment (
  target_id text NOT NULL PRIMARY KEY,
  target_code text,
  detection_id text,
  sensor_id text,
  sensor_unit_id text,
  region_id text,
  region_name text,
  iff_status text,
  speed_kmh numeric(19,4),
  confidence numeric(19,4),
  weather_type text,
  ew_effect text,
  distance_km numeric(19,4),
  adjusted_confidence numeric(19,4),
  predicted_threat text,
  response_time_sec numeric(19,4),
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS gold.alerts_with_commands (
  alert_id text NOT NULL PRIMARY KEY,
  detection_id text,
  region_id text,
  region_name text,
  alert_status text,
  threat_level text,
  msg text,
  created_at timestamptz,
  command_id text,
  command_unit_id text,
  user_id text,
  username text,
  user_role text,
  action text,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS gold.logistics_readiness (
  unit_id text NOT NULL PRIMARY KEY,
  supply_status_id text,
  supply_level numeric(19,4),
  region_id text,
  region_name text,
  terrain_type text,
  weather_type text,
  wind_speed_kmh numeric(19,4),
  projected_supply numeric(19,4),
  resupply_feasible boolean,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS gold.engagement_analysis (
  engagement_id text NOT NULL PRIMARY KEY,
  attacker_id text,
  target_id text,
  weapon_id text,
  region_id text,
  region_name text,
  terrain_type text,
  weather_type text,
  jammed boolean,
  hit boolean,
  result text,
  roe_compliant boolean,
  hit_probability numeric(19,4),
  adjusted_hit_probability numeric(19,4),
  impact_factor numeric(19,4),
  event_time timestamptz
);

-- One row per refresh, written in the refresh's transaction: which silver versions it read.
CREATE TABLE IF NOT EXISTS gold.refresh_watermark (
  refresh_id bigserial PRIMARY KEY,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  silver_versions jsonb NOT NULL,
  row_counts jsonb
);

-- Views for people who query gold directly ------------------------------------------------------

-- High and critical predicted threats detected within the hour before the newest detection in
-- gold (relative to the data, not the wall clock, so a stopped or replayed workload still shows
-- its last hour). Most urgent first.
CREATE OR REPLACE VIEW gold.recent_high_threats AS
SELECT t.target_id, t.target_code, t.predicted_threat, t.iff_status, t.speed_kmh,
       t.adjusted_confidence, t.distance_km, t.response_time_sec, t.region_id, t.region_name,
       t.event_time
FROM gold.threat_assessment t
WHERE t.predicted_threat IN ('high', 'critical')
  AND t.event_time >= (SELECT max(event_time) FROM gold.threat_assessment) - interval '1 hour'
ORDER BY CASE t.predicted_threat WHEN 'critical' THEN 0 ELSE 1 END,
         t.response_time_sec NULLS LAST, t.event_time DESC;

-- Units whose projected supply is below half (50), lowest first, with whether a resupply is
-- feasible now.
CREATE OR REPLACE VIEW gold.units_needing_resupply AS
SELECT l.unit_id, l.projected_supply, l.supply_level, l.resupply_feasible, l.region_id,
       l.region_name, l.weather_type, l.wind_speed_kmh, l.event_time
FROM gold.logistics_readiness l
WHERE l.projected_supply < 50
ORDER BY l.projected_supply, l.unit_id;

-- Per region of the attacker at engagement time (null region = attacker position unknown):
-- engagements, hits, hit rate, destroyed targets and mean adjusted hit probability.
CREATE OR REPLACE VIEW gold.engagement_success_rate_by_region AS
SELECT e.region_id, e.region_name,
       count(*) AS engagements,
       count(*) FILTER (WHERE e.hit) AS hits,
       round(count(*) FILTER (WHERE e.hit)::numeric / count(*), 4) AS hit_rate,
       count(*) FILTER (WHERE e.result = 'destroyed') AS destroyed,
       round(avg(e.adjusted_hit_probability), 4) AS avg_adjusted_hit_probability
FROM gold.engagement_analysis e
GROUP BY e.region_id, e.region_name;

-- Per region of the units' latest status: units, weapons, summed attacking strength and mean
-- effective range.
CREATE OR REPLACE VIEW gold.combat_strength_by_region AS
SELECT s.region_id, s.region_name, s.terrain_type,
       count(DISTINCT s.unit_id) AS units,
       count(*) AS weapons,
       round(sum(s.attacking_strength), 4) AS total_attacking_strength,
       round(avg(s.effective_range_km), 4) AS avg_effective_range_km
FROM gold.effective_unit_strength s
GROUP BY s.region_id, s.region_name, s.terrain_type;

-- Critical alerts not yet resolved (active or acknowledged), oldest first.
CREATE OR REPLACE VIEW gold.unresolved_critical_alerts AS
SELECT a.alert_id, a.alert_status, a.region_id, a.region_name, a.created_at, a.command_id,
       a.username, a.user_role, a.action, a.event_time
FROM gold.alerts_with_commands a
WHERE a.threat_level = 'critical'
  AND a.alert_status IN ('active', 'acknowledged')
ORDER BY a.created_at, a.alert_id;
