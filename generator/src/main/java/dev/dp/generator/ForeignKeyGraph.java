package dev.dp.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The foreign keys of the source schema, declared once. Everything that must keep references valid
 * (the model's indexes, cascading deletes, the model loader) is derived from this list instead of
 * being written per table.
 */
public final class ForeignKeyGraph {

  /** All foreign keys, in the order of {@code SourceTables.NAMES} of their child tables. */
  public static final List<ForeignKey> FOREIGN_KEYS =
      List.of(
          new ForeignKey("weapons", "unit_id", "units"),
          new ForeignKey("sensors", "unit_id", "units"),
          new ForeignKey("detections", "sensor_id", "sensors"),
          new ForeignKey("detections", "target_id", "targets"),
          new ForeignKey("detections", "region_id", "regions"),
          new ForeignKey("weather_events", "region_id", "regions"),
          new ForeignKey("unit_status_updates", "unit_id", "units"),
          new ForeignKey("unit_status_updates", "region_id", "regions"),
          new ForeignKey("supply_status", "unit_id", "units"),
          new ForeignKey("supply_status", "region_id", "regions"),
          new ForeignKey("cyber_ew_events", "source_unit_id", "units"),
          new ForeignKey("cyber_ew_events", "target_sensor_id", "sensors"),
          new ForeignKey("engagement_events", "attacker_id", "units"),
          new ForeignKey("engagement_events", "target_id", "targets"),
          new ForeignKey("engagement_events", "weapon_id", "weapons"),
          new ForeignKey("alerts", "detection_id", "detections"),
          new ForeignKey("commands", "alert_id", "alerts"),
          new ForeignKey("commands", "unit_id", "units"),
          new ForeignKey("commands", "user_id", "users"));

  /** A row to delete. */
  public record RowRef(String table, String id) {}

  private ForeignKeyGraph() {}

  /** The foreign keys declared on {@code table} (its references to parents). */
  public static List<ForeignKey> outgoing(String table) {
    return FOREIGN_KEYS.stream().filter(fk -> fk.childTable().equals(table)).toList();
  }

  /** The foreign keys that reference {@code table} (its children). */
  public static List<ForeignKey> incoming(String table) {
    return FOREIGN_KEYS.stream().filter(fk -> fk.parentTable().equals(table)).toList();
  }

  /**
   * The rows to delete, in order, so that deleting {@code table}/{@code id} never leaves a dangling
   * reference: every row that references it, transitively, comes before the row it references, and
   * the row itself comes last. The order is deterministic (foreign keys in declaration order,
   * children by id).
   */
  public static List<RowRef> deletionOrder(LiveModel model, String table, String id) {
    Set<RowRef> order = new LinkedHashSet<>();
    visit(model, new RowRef(table, id), order);
    return new ArrayList<>(order);
  }

  private static void visit(LiveModel model, RowRef row, Set<RowRef> order) {
    if (order.contains(row)) {
      return;
    }
    for (ForeignKey fk : incoming(row.table())) {
      for (String child : model.children(fk, row.id())) {
        visit(model, new RowRef(fk.childTable(), child), order);
      }
    }
    order.add(row);
  }
}
