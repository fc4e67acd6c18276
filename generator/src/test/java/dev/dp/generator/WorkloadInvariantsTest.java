package dev.dp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties of a long workload, checked statement by statement against a shadow database. */
class WorkloadInvariantsTest {

  private static final int CHANGES = 4000;

  private static LiveModel model;
  private static List<Change> changes;
  private static ShadowDatabase db;

  @BeforeAll
  static void runWorkload() {
    model = new LiveModel();
    changes = Workloads.run(Workloads.config(42), model, CHANGES);
    db = new ShadowDatabase();
    // Executing checks primary keys and foreign keys after every statement, so a delete of a
    // parent before its children, or an insert referencing a deleted row, fails here.
    changes.forEach(db::execute);
  }

  @Test
  void theModelMatchesTheDatabaseAndAllReferencesAreLive() {
    for (String table : dev.dp.catalog.SourceTables.NAMES) {
      assertThat(model.rows(table).stream().map(LiveRow::id).toList())
          .as(table)
          .containsExactlyElementsOf(db.rows(table).keySet());
      for (LiveRow row : model.rows(table)) {
        for (ForeignKey fk : ForeignKeyGraph.outgoing(table)) {
          assertThat(model.contains(fk.parentTable(), row.ref(fk.column())))
              .as("%s %s.%s", table, row.id(), fk.column())
              .isTrue();
        }
      }
    }
  }

  @Test
  void everyTableHasRows() {
    model.sizes().forEach((table, size) -> assertThat(size).as(table).isPositive());
  }

  @Test
  void theMixInsertsUpdatesAndDeletesTheExpectedTables() {
    Set<Tuple> seen =
        changes.stream()
            .skip(1)
            .flatMap(c -> c.statements().stream())
            .map(s -> tuple(s.op(), s.table()))
            .collect(Collectors.toSet());
    for (String table :
        List.of(
            "detections",
            "weather_events",
            "unit_status_updates",
            "supply_status",
            "cyber_ew_events",
            "engagement_events",
            "roe_updates",
            "alerts",
            "commands",
            "sensors")) {
      assertThat(seen).contains(tuple(Statement.Op.INSERT, table));
    }
    for (String table : List.of("units", "alerts", "targets", "regions", "sensors")) {
      assertThat(seen).contains(tuple(Statement.Op.UPDATE, table));
    }
    for (String table :
        List.of(
            "alerts",
            "commands",
            "sensors",
            "detections",
            "cyber_ew_events",
            "weather_events",
            "supply_status")) {
      assertThat(seen).contains(tuple(Statement.Op.DELETE, table));
    }
    Set<String> kinds = changes.stream().map(Change::kind).collect(Collectors.toSet());
    for (ChangeKind kind : ChangeKind.values()) {
      assertThat(kinds).contains(kind.cliName());
    }
  }

  @Test
  void alertStatusUpdatesTouchOnlyTheStatusAndFollowTheLifeCycle() {
    List<Statement> alertUpdates = statements(Statement.Op.UPDATE, "alerts").stream().toList();
    assertThat(alertUpdates).isNotEmpty();
    assertThat(alertUpdates)
        .allSatisfy(
            s ->
                assertThat(s.sql())
                    .isEqualTo("UPDATE public.alerts SET status = ?::alert_status WHERE id = ?"));
    assertThat(alertUpdates.stream().map(s -> s.params().get(0)).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("acknowledged", "resolved", "dismissed");
  }

  @Test
  void dismissingAnAlertMarksItThenDeletesItsCommandsThenIt() {
    Change dismissal =
        changes.stream()
            .filter(c -> c.kind().equals(ChangeKind.DISMISS_ALERT.cliName()))
            .filter(c -> c.statements().stream().anyMatch(s -> s.table().equals("commands")))
            .findFirst()
            .orElseThrow();
    List<Statement> s = dismissal.statements();
    assertThat(s.get(0).op()).isEqualTo(Statement.Op.UPDATE);
    assertThat(s.get(0).params().get(0)).isEqualTo("dismissed");
    assertThat(s.subList(1, s.size() - 1))
        .allSatisfy(
            d ->
                assertThat(tuple(d.op(), d.table()))
                    .isEqualTo(tuple(Statement.Op.DELETE, "commands")));
    assertThat(s.get(s.size() - 1).table()).isEqualTo("alerts");
    assertThat(s.get(s.size() - 1).params()).isEqualTo(s.get(0).params().subList(1, 2));
  }

  @Test
  void retiringASensorDeletesEverythingThatReferencesItFirst() {
    List<Change> retirements =
        changes.stream().filter(c -> c.kind().equals(ChangeKind.RETIRE_SENSOR.cliName())).toList();
    assertThat(retirements).isNotEmpty();
    Set<String> cascaded = new HashSet<>();
    for (Change c : retirements) {
      List<Statement> s = c.statements();
      assertThat(s.get(0).op()).isEqualTo(Statement.Op.UPDATE);
      assertThat(s.get(s.size() - 1).table()).isEqualTo("sensors");
      assertThat(s.subList(1, s.size() - 1)).noneMatch(d -> d.table().equals("sensors"));
      s.forEach(d -> cascaded.add(d.table()));
    }
    assertThat(cascaded).contains("detections", "alerts", "cyber_ew_events");
  }

  @Test
  void aboutOneAlertInEightHasAMessageLongEnoughToBeToasted() {
    List<String> msgs =
        statements(Statement.Op.INSERT, "alerts").stream()
            .map(s -> (String) insertedValue(s, "msg"))
            .toList();
    long longOnes = msgs.stream().filter(m -> m.length() > 4096).count();
    assertThat(longOnes).isGreaterThan(msgs.size() / 20).isLessThan(msgs.size() / 4);
    assertThat(msgs).allSatisfy(m -> assertThat(m.length()).isLessThan(10 * 1024));
  }

  @Test
  void valuesStayInTheirDomains() {
    db.castValues.forEach(
        (type, values) -> {
          if (SourceEnums.ALL.containsKey(type)) {
            assertThat(values).as(type).isSubsetOf(SourceEnums.ALL.get(type).toArray());
          }
        });
    assertThat(db.castValues.get("jsonb"))
        .allSatisfy(json -> assertThat((String) json).matches("\\[\"\\w+\"(, \"\\w+\")*\\]"));
    for (String column :
        List.of("confidence", "intensity", "hit_probability", "infrastructure_level")) {
      assertThat(columnValues(column)).as(column).allSatisfy(v -> inRange(v, 0, 1));
    }
    for (String column : List.of("health_percent", "supply_level")) {
      assertThat(columnValues(column)).as(column).allSatisfy(v -> inRange(v, 0, 100));
    }
    assertThat(columnValues("lat"))
        .allSatisfy(v -> assertThat(((BigDecimal) v).scale()).isEqualTo(8));
    assertThat(columnValues("event_time"))
        .allSatisfy(
            v ->
                assertThat(((OffsetDateTime) v).toInstant())
                    .isBetween(Workloads.BASE, Workloads.BASE.plusSeconds(CHANGES / 20)));
    assertThat(columnValues("src"))
        .allSatisfy(
            v -> assertThat(v).isIn("radar_feed", "metoc", "c2_system", "logistics", "ew_sensor"));
  }

  private static void inRange(Object value, double min, double max) {
    BigDecimal v = (BigDecimal) value;
    assertThat(v.scale()).isEqualTo(4);
    assertThat(v.doubleValue()).isBetween(min, max);
  }

  private static List<Object> columnValues(String column) {
    return dev.dp.catalog.SourceTables.NAMES.stream()
        .flatMap(t -> db.rows(t).values().stream())
        .filter(r -> r.containsKey(column))
        .map(r -> r.get(column))
        .collect(Collectors.toList());
  }

  private static List<Statement> statements(Statement.Op op, String table) {
    return changes.stream()
        .flatMap(c -> c.statements().stream())
        .filter(s -> s.op() == op && s.table().equals(table))
        .toList();
  }

  private static Object insertedValue(Statement insert, String column) {
    String columns =
        insert.sql().substring(insert.sql().indexOf('(') + 1, insert.sql().indexOf(')'));
    return insert.params().get(List.of(columns.split(", ")).indexOf(column));
  }
}
