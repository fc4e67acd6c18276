-- The source schema of jadc2_db (DOMAIN.md). Idempotent: safe to run on every start.
-- Applied in one transaction by dev.dp.generator.SourceSchema; the advisory lock keeps two
-- generators starting at the same time from racing on CREATE TYPE.
-- Foreign keys are plain REFERENCES (no cascading deletes): the generator deletes children itself,
-- so that every deleted row is a row change that Debezium captures.
-- REPLICA IDENTITY stays DEFAULT on purpose: an UPDATE that does not touch a TOASTed alerts.msg
-- produces Debezium's unchanged-TOAST placeholder, which the pipeline must handle.

SELECT pg_advisory_xact_lock(7308151943563412581);

-- ENUM types: created when missing (CREATE TYPE has no IF NOT EXISTS).
CREATE OR REPLACE FUNCTION pg_temp.dp_create_enum(type_name text, labels text[]) RETURNS void AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = 'public' AND t.typname = type_name) THEN
    EXECUTE format('CREATE TYPE public.%I AS ENUM (%s)', type_name,
                   (SELECT string_agg(quote_literal(l), ', ') FROM unnest(labels) AS l));
  END IF;
END
$$ LANGUAGE plpgsql;

SELECT pg_temp.dp_create_enum('domain_type', ARRAY['land', 'sea', 'air', 'space', 'cyber']);
SELECT pg_temp.dp_create_enum('unit_status', ARRAY['ready', 'engaged', 'damaged', 'destroyed', 'retreat']);
SELECT pg_temp.dp_create_enum('threat_level', ARRAY['low', 'medium', 'high', 'critical']);
SELECT pg_temp.dp_create_enum('iff_status', ARRAY['friend', 'foe', 'neutral', 'unknown']);
SELECT pg_temp.dp_create_enum('alert_status', ARRAY['active', 'acknowledged', 'resolved', 'dismissed']);
SELECT pg_temp.dp_create_enum('ew_effect', ARRAY['jammed', 'spoofed', 'disabled', 'ddos']);
SELECT pg_temp.dp_create_enum('weather_type', ARRAY['rain', 'fog', 'storm', 'solar_flare']);
SELECT pg_temp.dp_create_enum('engagement_result', ARRAY['destroyed', 'damaged', 'escaped', 'missed']);
SELECT pg_temp.dp_create_enum('user_role', ARRAY['commander', 'analyst', 'operator']);

-- Reference tables ------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS public.regions (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  region_name varchar(255),
  terrain_type varchar(255),
  infrastructure_level numeric(19,4),
  area_sqkm numeric(19,4),
  lat_center numeric(19,8),
  lon_center numeric(19,8),
  classification varchar(255)
);

CREATE TABLE IF NOT EXISTS public.targets (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  target_code varchar(255) UNIQUE,
  target_type varchar(255),
  domain public.domain_type,
  estimated_intent varchar(255),
  threat_level public.threat_level,
  iff_status public.iff_status,
  classification varchar(255)
);

CREATE TABLE IF NOT EXISTS public.users (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  username varchar(255) UNIQUE,
  role public.user_role,
  classification varchar(255)
);

CREATE TABLE IF NOT EXISTS public.units (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  name varchar(255),
  domain public.domain_type,
  unit_type varchar(255),
  status public.unit_status,
  classification varchar(255)
);

CREATE TABLE IF NOT EXISTS public.weapons (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  unit_id uuid REFERENCES public.units (id),
  name varchar(255),
  weapon_type varchar(255),
  effective_domain public.domain_type,
  range_km numeric(19,4),
  hit_probability numeric(19,4),
  speed_kmh numeric(19,4)
);

CREATE TABLE IF NOT EXISTS public.sensors (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  unit_id uuid REFERENCES public.units (id),
  sensor_type varchar(255),
  range_km numeric(19,4),
  status varchar(255)
);

-- Event tables ----------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS public.detections (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  sensor_id uuid REFERENCES public.sensors (id),
  target_id uuid REFERENCES public.targets (id),
  target_domain public.domain_type,
  region_id uuid REFERENCES public.regions (id),
  lat numeric(19,8),
  lon numeric(19,8),
  altitude_depth numeric(19,4),
  speed_kmh numeric(19,4),
  heading_deg numeric(19,4),
  confidence numeric(19,4),
  iff_status public.iff_status,
  threat_level public.threat_level,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.weather_events (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  region_id uuid REFERENCES public.regions (id),
  weather_type public.weather_type,
  intensity numeric(19,4),
  wind_speed_kmh numeric(19,4),
  precipitation_mm numeric(19,4),
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.unit_status_updates (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  unit_id uuid REFERENCES public.units (id),
  region_id uuid REFERENCES public.regions (id),
  lat numeric(19,8),
  lon numeric(19,8),
  health_percent numeric(19,4),
  max_range_km numeric(19,4),
  status public.unit_status,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.supply_status (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  unit_id uuid REFERENCES public.units (id),
  region_id uuid REFERENCES public.regions (id),
  supply_level numeric(19,4),
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.cyber_ew_events (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  source_unit_id uuid REFERENCES public.units (id),
  target_sensor_id uuid REFERENCES public.sensors (id),
  effect public.ew_effect,
  impact_domain public.domain_type,
  level public.threat_level,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.engagement_events (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  attacker_id uuid REFERENCES public.units (id),
  target_id uuid REFERENCES public.targets (id),
  weapon_id uuid REFERENCES public.weapons (id),
  hit boolean,
  result public.engagement_result,
  roe_compliant boolean,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.roe_updates (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  rules jsonb,
  event_time timestamptz
);

CREATE TABLE IF NOT EXISTS public.alerts (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  detection_id uuid REFERENCES public.detections (id),
  status public.alert_status,
  msg text,
  threat_level public.threat_level,
  created_at timestamptz
);

CREATE TABLE IF NOT EXISTS public.commands (
  id uuid PRIMARY KEY,
  ingest_timestamp timestamptz NOT NULL DEFAULT now(),
  src varchar(255),
  alert_id uuid REFERENCES public.alerts (id),
  unit_id uuid REFERENCES public.units (id),
  user_id uuid REFERENCES public.users (id),
  action varchar(255),
  event_time timestamptz
);

-- Indexes on the referencing columns: without them every parent delete (sensor retirement, alert
-- dismissal, ageing out) scans the child tables to check the foreign keys.
CREATE INDEX IF NOT EXISTS weapons_unit_id_idx ON public.weapons (unit_id);
CREATE INDEX IF NOT EXISTS sensors_unit_id_idx ON public.sensors (unit_id);
CREATE INDEX IF NOT EXISTS detections_sensor_id_idx ON public.detections (sensor_id);
CREATE INDEX IF NOT EXISTS detections_target_id_idx ON public.detections (target_id);
CREATE INDEX IF NOT EXISTS detections_region_id_idx ON public.detections (region_id);
CREATE INDEX IF NOT EXISTS weather_events_region_id_idx ON public.weather_events (region_id);
CREATE INDEX IF NOT EXISTS unit_status_updates_unit_id_idx ON public.unit_status_updates (unit_id);
CREATE INDEX IF NOT EXISTS unit_status_updates_region_id_idx ON public.unit_status_updates (region_id);
CREATE INDEX IF NOT EXISTS supply_status_unit_id_idx ON public.supply_status (unit_id);
CREATE INDEX IF NOT EXISTS supply_status_region_id_idx ON public.supply_status (region_id);
CREATE INDEX IF NOT EXISTS cyber_ew_events_source_unit_id_idx ON public.cyber_ew_events (source_unit_id);
CREATE INDEX IF NOT EXISTS cyber_ew_events_target_sensor_id_idx ON public.cyber_ew_events (target_sensor_id);
CREATE INDEX IF NOT EXISTS engagement_events_attacker_id_idx ON public.engagement_events (attacker_id);
CREATE INDEX IF NOT EXISTS engagement_events_target_id_idx ON public.engagement_events (target_id);
CREATE INDEX IF NOT EXISTS engagement_events_weapon_id_idx ON public.engagement_events (weapon_id);
CREATE INDEX IF NOT EXISTS alerts_detection_id_idx ON public.alerts (detection_id);
CREATE INDEX IF NOT EXISTS commands_alert_id_idx ON public.commands (alert_id);
CREATE INDEX IF NOT EXISTS commands_unit_id_idx ON public.commands (unit_id);
CREATE INDEX IF NOT EXISTS commands_user_id_idx ON public.commands (user_id);
