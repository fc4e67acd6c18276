package dev.dp.generator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Plans the workload: pure and deterministic, no database access. Change number {@code i} depends
 * only on the configuration, {@code i} and the model it is planned against (its randomness comes
 * from {@link Rng#forChange(long, long)}), so a generator restarted at change {@code i} with the
 * model rebuilt from the database plans exactly what a continuous run would have.
 *
 * <p>Planning a change also applies it to the model.
 */
public final class WorkloadPlanner {

  /** The event tables that age out (oldest row first, with whatever references it). */
  public static final List<String> AGED_TABLES =
      List.of(
          "weather_events",
          "supply_status",
          "unit_status_updates",
          "cyber_ew_events",
          "engagement_events",
          "roe_updates",
          "detections");

  private static final String ACTIVE = "active";
  private static final String ACKNOWLEDGED = "acknowledged";

  private final WorkloadConfig config;
  private final RowFactory rows = new RowFactory();
  private final ChangeKind[] kinds = ChangeKind.values();
  private final int[] cumulativeWeights = new int[kinds.length];

  /**
   * A planner for {@code config}.
   *
   * @throws IllegalArgumentException if the configuration has {@link WorkloadConfig#problems()}
   */
  public WorkloadPlanner(WorkloadConfig config) {
    List<String> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid workload: " + String.join("; ", problems));
    }
    this.config = config;
    int sum = 0;
    for (int k = 0; k < kinds.length; k++) {
      sum += Math.max(0, config.weight(kinds[k]));
      cumulativeWeights[k] = sum;
    }
  }

  /** The seeding of the reference tables, applied to {@code model}. */
  public Change seed(LiveModel model) {
    return new ReferenceSeeder(config, rows).seed(model);
  }

  /** Change number {@code number}, applied to {@code model}. */
  public Change plan(long number, LiveModel model) {
    Rng rng = Rng.forChange(config.seed(), number);
    OffsetDateTime time = eventTime(number);
    ChangeBuilder change = new ChangeBuilder(model);
    for (String table : AGED_TABLES) {
      if (model.size(table) > config.maxEventRows()) {
        ageOut(change, model, table);
        return change.build(number, ChangeKind.AGE_OUT_EVENT.cliName());
      }
    }
    ChangeKind kind = choose(rng);
    if (!attempt(kind, change, model, rng, time)) {
      // Not possible on this model (e.g. no open alert to advance): a detection always is once
      // seeded, and an ROE update always is.
      kind = ChangeKind.INSERT_DETECTION;
      if (!attempt(kind, change, model, rng, time)) {
        kind = ChangeKind.INSERT_ROE_UPDATE;
        attempt(kind, change, model, rng, time);
      }
    }
    return change.build(number, kind.cliName());
  }

  /** The event time of change {@code number}. */
  public OffsetDateTime eventTime(long number) {
    return config
        .baseTime()
        .plusSeconds(Math.floorDiv(number, WorkloadConfig.CHANGES_PER_EVENT_SECOND))
        .atOffset(ZoneOffset.UTC);
  }

  private ChangeKind choose(Rng rng) {
    int r = rng.nextInt(cumulativeWeights[kinds.length - 1]);
    for (int k = 0; k < kinds.length; k++) {
      if (r < cumulativeWeights[k]) {
        return kinds[k];
      }
    }
    throw new AssertionError("unreachable");
  }

  /**
   * Adds the change to {@code change}; false (and nothing added) if the model does not allow it.
   */
  private boolean attempt(
      ChangeKind kind, ChangeBuilder change, LiveModel m, Rng r, OffsetDateTime t) {
    switch (kind) {
      case INSERT_DETECTION -> {
        String sensor = m.pick("sensors", r);
        String target = m.pick("targets", r);
        String region = m.pick("regions", r);
        if (sensor == null || target == null || region == null) {
          return false;
        }
        change.insert(rows.detection(r, t, sensor, target, region));
      }
      case INSERT_WEATHER_EVENT -> {
        String region = m.pick("regions", r);
        if (region == null) {
          return false;
        }
        change.insert(rows.weatherEvent(r, t, region));
      }
      case INSERT_UNIT_STATUS_UPDATE -> {
        String unit = m.pick("units", r);
        String region = m.pick("regions", r);
        if (unit == null || region == null) {
          return false;
        }
        change.insert(rows.unitStatusUpdate(r, t, unit, region));
      }
      case INSERT_SUPPLY_STATUS -> {
        String unit = m.pick("units", r);
        String region = m.pick("regions", r);
        if (unit == null || region == null) {
          return false;
        }
        change.insert(rows.supplyStatus(r, t, unit, region));
      }
      case INSERT_CYBER_EW_EVENT -> {
        String unit = m.pick("units", r);
        String sensor = m.pick("sensors", r);
        if (unit == null || sensor == null) {
          return false;
        }
        change.insert(rows.cyberEwEvent(r, t, unit, sensor));
      }
      case INSERT_ENGAGEMENT_EVENT -> {
        // The attacker is the unit that carries the weapon.
        String weapon = m.pick("weapons", r);
        String target = m.pick("targets", r);
        if (weapon == null || target == null) {
          return false;
        }
        String attacker = m.get("weapons", weapon).ref("unit_id");
        change.insert(rows.engagementEvent(r, t, attacker, target, weapon));
      }
      case INSERT_ROE_UPDATE -> change.insert(rows.roeUpdate(r, t));
      case INSERT_ALERT -> {
        String detection = m.pick("detections", r);
        if (detection == null) {
          return false;
        }
        change.insert(rows.alert(r, t, detection));
      }
      case INSERT_COMMAND -> {
        String alert = m.pickInState("alerts", r, ACTIVE, ACKNOWLEDGED);
        String unit = m.pick("units", r);
        String user = m.pick("users", r);
        if (alert == null || unit == null || user == null) {
          return false;
        }
        change.insert(rows.command(r, t, alert, unit, user));
      }
      case UPDATE_UNIT_STATUS -> {
        String unit = m.pick("units", r);
        if (unit == null) {
          return false;
        }
        change.update("units", unit, "status", "unit_status", r.pick(SourceEnums.UNIT_STATUS));
      }
      case ADVANCE_ALERT -> {
        String alert = m.pickInState("alerts", r, ACTIVE, ACKNOWLEDGED);
        if (alert == null) {
          return false;
        }
        String next = ACTIVE.equals(m.get("alerts", alert).state()) ? ACKNOWLEDGED : "resolved";
        change.update("alerts", alert, "status", "alert_status", next);
      }
      case UPDATE_TARGET_THREAT -> {
        String target = m.pick("targets", r);
        if (target == null) {
          return false;
        }
        change.update(
            "targets", target, "threat_level", "threat_level", r.pick(SourceEnums.THREAT_LEVEL));
      }
      case UPDATE_REGION_INFRASTRUCTURE -> {
        String region = m.pick("regions", r);
        if (region == null) {
          return false;
        }
        change.update("regions", region, "infrastructure_level", null, Values.number(r, 0, 1));
      }
      case DISMISS_ALERT -> {
        String alert = m.pickInState("alerts", r, ACTIVE, ACKNOWLEDGED);
        if (alert == null) {
          return false;
        }
        change.update("alerts", alert, "status", "alert_status", "dismissed");
        change.deleteWithDependents("alerts", alert);
      }
      case RETIRE_SENSOR -> {
        // Keep at least one sensor per unit on average, so detections stay possible.
        if (m.size("sensors") <= m.size("units")) {
          return false;
        }
        String sensor = m.pick("sensors", r);
        change.update("sensors", sensor, "status", null, "retired");
        change.deleteWithDependents("sensors", sensor);
      }
      case COMMISSION_SENSOR -> {
        String unit = m.pick("units", r);
        if (unit == null) {
          return false;
        }
        change.insert(rows.sensor(r, unit));
      }
      case AGE_OUT_EVENT -> {
        String table = r.pick(AGED_TABLES);
        if (m.size(table) <= config.minRetainedEvents()) {
          return false;
        }
        ageOut(change, m, table);
      }
    }
    return true;
  }

  private static void ageOut(ChangeBuilder change, LiveModel model, String table) {
    change.deleteWithDependents(table, model.oldest(table).id());
  }
}
