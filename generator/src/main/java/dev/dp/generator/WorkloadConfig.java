package dev.dp.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that determines the workload. Two planners with equal configurations produce equal
 * changes from equal models.
 *
 * @param seed the seed of every random choice
 * @param baseTime event time of change 0; change {@code i} happens {@code i /}{@link
 *     #CHANGES_PER_EVENT_SECOND} seconds later
 * @param regions regions to seed
 * @param users users to seed
 * @param units units to seed
 * @param weaponsPerUnit mean number of weapons seeded per unit (1 to 2n-1 each)
 * @param sensorsPerUnit mean number of sensors seeded per unit (1 to 2n-1 each)
 * @param targets targets to seed
 * @param weights the weight of each change kind
 * @param minRetainedEvents an event table is aged out only while it has more rows than this
 * @param maxEventRows an event table with more rows than this is aged out before anything else,
 *     which bounds the database and the model in a run that never ends
 */
public record WorkloadConfig(
    long seed,
    Instant baseTime,
    int regions,
    int users,
    int units,
    int weaponsPerUnit,
    int sensorsPerUnit,
    int targets,
    Map<ChangeKind, Integer> weights,
    int minRetainedEvents,
    int maxEventRows) {

  /**
   * Event time advances one second every this many changes, so same-second ties (broken by id in
   * gold) occur, and at the default rate event time keeps pace with the wall clock.
   */
  public static final int CHANGES_PER_EVENT_SECOND = 20;

  /** Freezes the weights. */
  public WorkloadConfig {
    EnumMap<ChangeKind, Integer> copy = new EnumMap<>(ChangeKind.class);
    copy.putAll(weights);
    weights = Collections.unmodifiableMap(copy);
  }

  /** The default workload for {@code seed} starting at {@code baseTime}. */
  public static WorkloadConfig defaults(long seed, Instant baseTime) {
    Map<ChangeKind, Integer> weights = new EnumMap<>(ChangeKind.class);
    for (ChangeKind kind : ChangeKind.values()) {
      weights.put(kind, kind.defaultWeight());
    }
    return new WorkloadConfig(seed, baseTime, 12, 8, 30, 2, 2, 40, weights, 50, 100_000);
  }

  /** This configuration with another base time. */
  public WorkloadConfig withBaseTime(Instant time) {
    return new WorkloadConfig(
        seed,
        time,
        regions,
        users,
        units,
        weaponsPerUnit,
        sensorsPerUnit,
        targets,
        weights,
        minRetainedEvents,
        maxEventRows);
  }

  /** The weight of {@code kind} (0 if absent). */
  public int weight(ChangeKind kind) {
    return weights.getOrDefault(kind, 0);
  }

  /** Every problem with this configuration, empty if it is usable. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (baseTime == null) {
      problems.add("base time is missing");
    }
    positive(problems, "regions", regions);
    positive(problems, "users", users);
    positive(problems, "units", units);
    positive(problems, "targets", targets);
    if (weaponsPerUnit < 1 || sensorsPerUnit < 1) {
      problems.add("weapons and sensors per unit must be at least 1");
    }
    int total = 0;
    for (Map.Entry<ChangeKind, Integer> e : weights.entrySet()) {
      if (e.getValue() < 0) {
        problems.add("mix weight of " + e.getKey().cliName() + " is negative: " + e.getValue());
      }
      total += Math.max(0, e.getValue());
    }
    if (total == 0) {
      problems.add("the mix weights add up to 0: give at least one change kind a weight");
    }
    if (minRetainedEvents < 0 || maxEventRows <= minRetainedEvents) {
      problems.add("need 0 <= min retained events < max event rows");
    }
    return problems;
  }

  private static void positive(List<String> problems, String what, int value) {
    if (value < 1) {
      problems.add(what + " must be at least 1, was " + value);
    }
  }
}
