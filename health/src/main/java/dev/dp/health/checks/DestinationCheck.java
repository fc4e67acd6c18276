package dev.dp.health.checks;

import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import dev.dp.process.GoldSchema;
import dev.dp.process.GoldTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Step 13, postgres-dest: the five gold tables and five views of {@code jadc2_db.gold} exist, with
 * their row counts; empty gold tables WARN (no refresh has written them), views may legitimately be
 * empty (they filter).
 */
public final class DestinationCheck implements HealthCheck<DestinationCheck.Observation> {

  static final String SERVICE = "postgres-dest";

  /**
   * What the probe saw.
   *
   * @param error why SQL failed, or empty
   * @param tableRows per existing gold table ({@code gold.<name>}), its rows
   * @param viewRows per existing gold view, its rows
   */
  public record Observation(
      String error, Map<String, Long> tableRows, Map<String, Long> viewRows) {}

  static List<String> goldTables() {
    return Arrays.stream(GoldTable.values())
        .map(t -> GoldSchema.SCHEMA + "." + t.tableName())
        .toList();
  }

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(13, "Postgres Destination", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    ctx.doing("counting gold rows in postgres-dest");
    try (Connection c = ctx.sql(SERVICE)) {
      return new Observation(
          "",
          RowCounts.of(c, present(c, goldTables()), r -> r),
          RowCounts.of(c, present(c, GoldSchema.VIEWS), r -> r));
    } catch (SQLException | RuntimeException e) {
      return new Observation(Text.error(e), Map.of(), Map.of());
    }
  }

  private static List<String> present(Connection c, List<String> relations) throws SQLException {
    List<String> present = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      for (String r : relations) {
        ps.setString(1, r);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            present.add(r);
          }
        }
      }
    }
    return present;
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    if (!o.error().isEmpty()) {
      return Verdict.fail(
          "postgres-dest does not answer SQL: " + o.error(), "./dp logs dp_postgres_dest");
    }
    List<String> missing = new ArrayList<>();
    goldTables().stream().filter(n -> !o.tableRows().containsKey(n)).forEach(missing::add);
    GoldSchema.VIEWS.stream().filter(n -> !o.viewRows().containsKey(n)).forEach(missing::add);
    List<String> empty =
        o.tableRows().entrySet().stream()
            .filter(e -> e.getValue() == 0)
            .map(Map.Entry::getKey)
            .toList();
    long rows = o.tableRows().values().stream().mapToLong(Long::longValue).sum();
    Verdict v;
    if (!missing.isEmpty()) {
      v =
          Verdict.fail(
              "the gold schema is incomplete: "
                  + missing.size()
                  + " missing: "
                  + Text.list(missing),
              "spark-job-process creates it when it starts; see step 12");
    } else if (!empty.isEmpty()) {
      v =
          Verdict.warn(
              empty.size() + " of 5 gold tables are empty: " + Text.list(empty),
              "no refresh has written them yet; see step 12");
    } else {
      v =
          Verdict.pass(
              "5 gold tables ("
                  + rows
                  + " rows: "
                  + o.tableRows().entrySet().stream()
                      .map(
                          e ->
                              e.getKey().substring(GoldSchema.SCHEMA.length() + 1)
                                  + " "
                                  + e.getValue())
                      .collect(Collectors.joining(", "))
                  + ") and 5 views ("
                  + o.viewRows().values().stream().mapToLong(Long::longValue).sum()
                  + " rows)");
    }
    return v.with("table_rows", o.tableRows())
        .with("view_rows", o.viewRows())
        .with("missing", missing.isEmpty() ? null : missing);
  }
}
