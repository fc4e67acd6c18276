package dev.dp.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that run the planner without a database. */
final class Workloads {

  static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

  private Workloads() {}

  static WorkloadConfig config(long seed) {
    return WorkloadConfig.defaults(seed, BASE);
  }

  /** The seeding followed by changes {@code 0..count-1}, planned against {@code model}. */
  static List<Change> run(WorkloadConfig config, LiveModel model, int count) {
    WorkloadPlanner planner = new WorkloadPlanner(config);
    List<Change> changes = new ArrayList<>();
    changes.add(planner.seed(model));
    for (long i = 0; i < count; i++) {
      changes.add(planner.plan(i, model));
    }
    return changes;
  }
}
