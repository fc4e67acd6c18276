package dev.dp.health.checks;

import dev.dp.catalog.SourceTables;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 2, postgres-source: the 15 tables of {@code jadc2_db.public} exist, their row counts, the
 * rows the workload changed within a sample window ({@code pg_stat_user_tables}, read twice), and
 * the settings CDC needs ({@code wal_level=logical}, replication slots and WAL senders).
 */
public final class SourceDatabaseCheck implements HealthCheck<SourceDatabaseCheck.Observation> {

  static final String SERVICE = "postgres-source";

  /**
   * What the probe saw.
   *
   * @param error why SQL failed, or empty (then nothing else is known)
   * @param walLevel {@code wal_level}
   * @param maxReplicationSlots {@code max_replication_slots}
   * @param maxWalSenders {@code max_wal_senders}
   * @param rowCounts per existing source table, its rows
   * @param changesBefore inserted + updated + deleted rows of the source tables at the first
   *     reading
   * @param changesAfter the same a sample window later
   * @param window time between the readings
   * @param generatorRunning whether the data generator's process runs (changes are expected)
   */
  public record Observation(
      String error,
      String walLevel,
      int maxReplicationSlots,
      int maxWalSenders,
      Map<String, Long> rowCounts,
      long changesBefore,
      long changesAfter,
      Duration window,
      boolean generatorRunning) {

    public Observation {
      rowCounts = rowCounts == null ? Map.of() : new LinkedHashMap<>(rowCounts);
    }

    static Observation failed(String error) {
      return new Observation(error, "", 0, 0, Map.of(), 0, 0, Duration.ZERO, false);
    }
  }

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(2, "Postgres Source", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) throws InterruptedException {
    boolean generatorRunning = ctx.process(GeneratorCheck.SERVICE).running();
    ctx.doing("querying postgres-source");
    try (Connection c = ctx.sql(SERVICE)) {
      String walLevel = setting(c, "wal_level");
      int slots = Integer.parseInt(setting(c, "max_replication_slots"));
      int senders = Integer.parseInt(setting(c, "max_wal_senders"));
      List<String> present = presentTables(c);
      Map<String, Long> counts = RowCounts.of(c, present, SourceTables::qualified);
      long before = changes(c);
      Duration window = ctx.sample();
      long after = changes(c);
      return new Observation(
          "", walLevel, slots, senders, counts, before, after, window, generatorRunning);
    } catch (SQLException | RuntimeException e) {
      return Observation.failed(Text.error(e));
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static List<String> presentTables(Connection c) throws SQLException {
    List<String> present = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = ANY (?)")) {
      ps.setString(1, SourceTables.SCHEMA);
      Array names = c.createArrayOf("text", SourceTables.NAMES.toArray());
      ps.setArray(2, names);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          present.add(rs.getString(1));
        }
      }
    }
    return SourceTables.NAMES.stream().filter(present::contains).toList();
  }

  /** Rows inserted, updated or deleted in the source tables since the statistics were reset. */
  private static long changes(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables"
                + " WHERE schemaname = ? AND relname = ANY (?)")) {
      ps.setString(1, SourceTables.SCHEMA);
      ps.setArray(2, c.createArrayOf("text", SourceTables.NAMES.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    String logs = "./dp logs dp_postgres_source";
    if (!o.error().isEmpty()) {
      return Verdict.fail("postgres-source does not answer SQL: " + o.error(), logs);
    }
    List<String> missing =
        SourceTables.NAMES.stream().filter(n -> !o.rowCounts().containsKey(n)).toList();
    long rows = o.rowCounts().values().stream().mapToLong(Long::longValue).sum();
    long changed = o.changesAfter() - o.changesBefore();
    Verdict v;
    if (!missing.isEmpty()) {
      v =
          Verdict.fail(
              missing.size()
                  + " of "
                  + SourceTables.NAMES.size()
                  + " source tables are missing from "
                  + SourceTables.DATABASE
                  + "."
                  + SourceTables.SCHEMA
                  + ": "
                  + Text.list(missing),
              "the data generator creates the schema: ./dp up " + GeneratorCheck.SERVICE);
    } else if (!"logical".equals(o.walLevel())) {
      v =
          Verdict.fail(
              "wal_level is " + o.walLevel() + ": Debezium needs logical",
              "restart it with the local twin's settings: ./dp down "
                  + SERVICE
                  + " && ./dp up "
                  + SERVICE);
    } else if (o.generatorRunning() && changed <= 0 && !o.window().isZero()) {
      v =
          Verdict.warn(
              "the generator runs but no source row changed in the last "
                  + Text.seconds(o.window())
                  + " ("
                  + rows
                  + " rows in "
                  + o.rowCounts().size()
                  + " tables)",
              "see step 1 (data-generator) and ./dp logs dp_data_generator");
    } else {
      v =
          Verdict.pass(
              o.rowCounts().size()
                  + " tables, "
                  + rows
                  + " rows; "
                  + changed
                  + " row changes in the last "
                  + Text.seconds(o.window())
                  + "; wal_level=logical, "
                  + o.maxReplicationSlots()
                  + " replication slots");
    }
    return v.with("tables", o.rowCounts().size())
        .with("missing_tables", missing.isEmpty() ? null : missing)
        .with("rows", rows)
        .with("row_counts", o.rowCounts())
        .with("row_changes_in_window", changed)
        .with("window_seconds", o.window().toMillis() / 1000.0)
        .with("wal_level", o.walLevel())
        .with("max_replication_slots", o.maxReplicationSlots())
        .with("max_wal_senders", o.maxWalSenders());
  }
}
