package dev.dp.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the seeding of the reference tables (regions, targets, users, units, weapons, sensors) as
 * one change, from {@link Rng#forSeeding(long)}. Names and codes are numbered after the rows
 * already in the model, so seeding a second seed into the same database cannot clash on the unique
 * {@code target_code} and {@code username}.
 */
final class ReferenceSeeder {

  private final WorkloadConfig config;
  private final RowFactory rows;

  ReferenceSeeder(WorkloadConfig config, RowFactory rows) {
    this.config = config;
    this.rows = rows;
  }

  Change seed(LiveModel model) {
    Rng r = Rng.forSeeding(config.seed());
    ChangeBuilder change = new ChangeBuilder(model);
    int regionBase = model.size("regions");
    for (int k = 1; k <= config.regions(); k++) {
      change.insert(rows.region(r, regionBase + k));
    }
    int targetBase = model.size("targets");
    for (int k = 1; k <= config.targets(); k++) {
      change.insert(rows.target(r, targetBase + k));
    }
    int userBase = model.size("users");
    for (int k = 1; k <= config.users(); k++) {
      change.insert(rows.user(r, userBase + k));
    }
    int unitBase = model.size("units");
    List<String> units = new ArrayList<>();
    for (int k = 1; k <= config.units(); k++) {
      RowValues unit = rows.unit(r, unitBase + k);
      change.insert(unit);
      units.add(unit.id());
    }
    for (String unit : units) {
      int n = aroundMean(r, config.weaponsPerUnit());
      for (int k = 0; k < n; k++) {
        change.insert(rows.weapon(r, unit));
      }
    }
    for (String unit : units) {
      int n = aroundMean(r, config.sensorsPerUnit());
      for (int k = 0; k < n; k++) {
        change.insert(rows.sensor(r, unit));
      }
    }
    return change.build(Change.SEEDING, "seed-reference-tables");
  }

  /** Uniform in {@code [1, 2 * mean - 1]}, so the mean is {@code mean}. */
  private static int aroundMean(Rng r, int mean) {
    return 1 + r.nextInt(2 * mean - 1);
  }
}
