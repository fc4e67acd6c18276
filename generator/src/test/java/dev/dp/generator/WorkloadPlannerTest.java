package dev.dp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkloadPlannerTest {

  @Test
  void sameSeedPlansIdenticalStatements() {
    List<Change> first = Workloads.run(Workloads.config(42), new LiveModel(), 2000);
    List<Change> second = Workloads.run(Workloads.config(42), new LiveModel(), 2000);

    assertThat(first).hasSize(2001);
    assertThat(first.get(0).statements()).hasSizeGreaterThan(100);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentSeedPlansDifferentStatements() {
    List<Change> a = Workloads.run(Workloads.config(42), new LiveModel(), 200);
    List<Change> b = Workloads.run(Workloads.config(43), new LiveModel(), 200);

    assertThat(b.get(0)).isNotEqualTo(a.get(0));
    assertThat(b.subList(1, b.size())).isNotEqualTo(a.subList(1, a.size()));
  }

  @Test
  void resumingAtChangeIPlansWhatAContinuousRunPlans() {
    WorkloadConfig config = Workloads.config(7);
    LiveModel continuous = new LiveModel();
    WorkloadPlanner planner = new WorkloadPlanner(config);
    planner.seed(continuous);
    for (long i = 0; i < 1000; i++) {
      planner.plan(i, continuous);
    }
    // As after a restart: a new planner, the model rebuilt from the rows in another order.
    List<LiveRow> rows = new ArrayList<>(continuous.allRows());
    Collections.shuffle(rows, new Random(1));
    LiveModel restored = LiveModel.of(rows);
    WorkloadPlanner restarted = new WorkloadPlanner(config);

    for (long i = 1000; i < 1300; i++) {
      assertThat(restarted.plan(i, restored)).isEqualTo(planner.plan(i, continuous));
    }
    assertThat(restored.allRows()).isEqualTo(continuous.allRows());
  }

  @Test
  void aPlannerCarriesNoRandomStateFromOneChangeToTheNext() {
    WorkloadConfig config = Workloads.config(7);
    LiveModel seeded = new LiveModel();
    new WorkloadPlanner(config).seed(seeded);
    WorkloadPlanner used = new WorkloadPlanner(config);
    LiveModel scratch = LiveModel.of(seeded.allRows());
    for (long i = 0; i < 50; i++) {
      used.plan(i, scratch);
    }

    Change fresh = new WorkloadPlanner(config).plan(500, LiveModel.of(seeded.allRows()));
    assertThat(used.plan(500, LiveModel.of(seeded.allRows()))).isEqualTo(fresh);
  }

  @Test
  void eventTimeStartsAtTheBaseAndAdvancesOneSecondPerTwentyChanges() {
    WorkloadPlanner planner = new WorkloadPlanner(Workloads.config(1));

    assertThat(planner.eventTime(0).toInstant()).isEqualTo(Workloads.BASE);
    assertThat(planner.eventTime(19).toInstant()).isEqualTo(Workloads.BASE);
    assertThat(planner.eventTime(20).toInstant()).isEqualTo(Workloads.BASE.plusSeconds(1));
  }

  @Test
  void seedingFillsTheReferenceTablesWithConfiguredSizes() {
    LiveModel model = new LiveModel();
    Change seeding = new WorkloadPlanner(Workloads.config(42)).seed(model);

    assertThat(seeding.number()).isEqualTo(Change.SEEDING);
    assertThat(model.size("regions")).isEqualTo(12);
    assertThat(model.size("users")).isEqualTo(8);
    assertThat(model.size("units")).isEqualTo(30);
    assertThat(model.size("targets")).isEqualTo(40);
    assertThat(model.size("weapons")).isBetween(30, 90);
    assertThat(model.size("sensors")).isBetween(30, 90);
    assertThat(model.size("detections")).isZero();
  }

  @Test
  void seedingASecondSeedContinuesTheNumberingOfUniqueCodes() {
    LiveModel model = new LiveModel();
    ShadowDatabase db = new ShadowDatabase();
    db.execute(new WorkloadPlanner(Workloads.config(1)).seed(model));
    db.execute(new WorkloadPlanner(Workloads.config(2)).seed(model));

    assertThat(db.rows("targets").values().stream().map(r -> r.get("target_code")).distinct())
        .hasSize(80)
        .contains("HOSTILE_0001", "HOSTILE_0080");
    assertThat(db.rows("users").values().stream().map(r -> r.get("username")).distinct())
        .hasSize(16);
  }
}
