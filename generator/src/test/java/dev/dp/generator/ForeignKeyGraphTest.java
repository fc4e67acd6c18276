package dev.dp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dp.catalog.SourceTables;
import dev.dp.generator.ForeignKeyGraph.RowRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForeignKeyGraphTest {

  @Test
  void parentsComeBeforeChildrenInTheCatalogOrder() {
    for (ForeignKey fk : ForeignKeyGraph.FOREIGN_KEYS) {
      assertThat(SourceTables.NAMES.indexOf(fk.parentTable()))
          .as(fk.toString())
          .isNotNegative()
          .isLessThan(SourceTables.NAMES.indexOf(fk.childTable()));
    }
  }

  @Test
  void deletionOrderPutsEveryChildBeforeItsParent() {
    LiveModel model = new LiveModel();
    model.insert(row("units", "u1", Map.of()));
    model.insert(row("users", "p1", Map.of()));
    model.insert(row("targets", "t1", Map.of()));
    model.insert(row("regions", "r1", Map.of()));
    model.insert(row("sensors", "s1", Map.of("unit_id", "u1")));
    model.insert(
        row("detections", "d1", Map.of("sensor_id", "s1", "target_id", "t1", "region_id", "r1")));
    model.insert(
        row("detections", "d2", Map.of("sensor_id", "s1", "target_id", "t1", "region_id", "r1")));
    model.insert(row("alerts", "a1", Map.of("detection_id", "d2")));
    model.insert(row("commands", "c1", Map.of("alert_id", "a1", "unit_id", "u1", "user_id", "p1")));
    model.insert(
        row("cyber_ew_events", "e1", Map.of("source_unit_id", "u1", "target_sensor_id", "s1")));

    List<RowRef> order = ForeignKeyGraph.deletionOrder(model, "sensors", "s1");

    assertThat(order)
        .containsExactly(
            new RowRef("detections", "d1"),
            new RowRef("commands", "c1"),
            new RowRef("alerts", "a1"),
            new RowRef("detections", "d2"),
            new RowRef("cyber_ew_events", "e1"),
            new RowRef("sensors", "s1"));
    order.forEach(r -> model.delete(r.table(), r.id()));
    assertThat(model.size("units")).isEqualTo(1);
    assertThat(model.size("sensors")).isZero();
  }

  @Test
  void theModelRefusesDanglingReferences() {
    LiveModel model = new LiveModel();
    model.insert(row("units", "u1", Map.of()));
    model.insert(row("sensors", "s1", Map.of("unit_id", "u1")));

    assertThatThrownBy(() -> model.delete("units", "u1")).hasMessageContaining("still referenced");
    assertThatThrownBy(() -> model.insert(row("weapons", "w1", Map.of("unit_id", "u9"))))
        .hasMessageContaining("references missing units");
  }

  private static LiveRow row(String table, String id, Map<String, String> refs) {
    return new LiveRow(table, id, 0, null, refs);
  }
}
