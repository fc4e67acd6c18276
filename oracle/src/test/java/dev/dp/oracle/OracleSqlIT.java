package dev.dp.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.LocalSecrets;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.process.GoldSchema;
import dev.dp.process.GoldTable;
import dev.dp.process.GoldType;
import dev.dp.process.fixture.FixtureText;
import dev.dp.process.fixture.GoldExpectations;
import dev.dp.process.fixture.SourceRows;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.Launchers;
import dev.dp.stack.Supervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the oracle SQL on a real PostgreSQL 15 with the real source schema ({@code postgres-source}
 * started by the project's own supervisor, alone, in a fresh {@code DP_HOME} under {@code
 * oracle/target} on {@code DP_PORT_OFFSET=30000}, or {@code DP_ORACLE_IT_PORT_OFFSET}) over the
 * same edge-case fixture the Spark SQL test uses, and holds it to the same hand-computed rows: for
 * the fixture as loaded and after its deletions. Then applies the gold DDL (twice: it is
 * idempotent) to the same server and runs {@link Oracle#verifyAll} end to end against it.
 */
class OracleSqlIT {

  private static final int PORT_OFFSET =
      Integer.parseInt(System.getenv().getOrDefault("DP_ORACLE_IT_PORT_OFFSET", "30000"));

  private static Supervisor supervisor;
  private static DatabaseEndpoint source;
  private static final ServiceCatalog CATALOG = ServiceCatalog.standard();
  private static final Oracle oracle = new Oracle(new GoldComparison(50));
  private static final Map<GoldTable, List<Map<String, Object>>> initial =
      new EnumMap<>(GoldTable.class);
  private static final Map<GoldTable, List<Map<String, Object>>> afterDeletions =
      new EnumMap<>(GoldTable.class);
  private static final Map<GoldTable, List<String>> resultTypes = new EnumMap<>(GoldTable.class);

  @BeforeAll
  static void startSourceAndRunBothScenarios() throws SQLException {
    Path checkout = Path.of(System.getProperty("dp.checkout", "..")).toAbsolutePath().normalize();
    Path home = checkout.resolve("oracle/target/oracle-it-stack");
    if (Files.exists(home)) {
      supervisor(checkout, home).down(true); // a previous run killed before its @AfterAll
      deleteTree(home);
    }
    DpConfig config = config(checkout, home);
    supervisor = supervisor(checkout, home);
    supervisor.up(List.of("postgres-source"));
    source = DatabaseEndpoint.of(config, "postgres-source");

    SourceRows fixture = SourceRows.load();
    try (Connection c = source.connect()) {
      insert(c, fixture);
      for (GoldTable t : GoldTable.values()) {
        initial.put(t, oracle.expected(c, t));
        resultTypes.put(t, resultTypes(c, t));
      }
      delete(c, fixture.deletions());
      for (GoldTable t : GoldTable.values()) {
        afterDeletions.put(t, oracle.expected(c, t));
      }
    }
  }

  @AfterAll
  static void stop() {
    if (supervisor != null) {
      supervisor.down(true);
    }
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void returnsTheContractColumnsWithTheirTypes(GoldTable table) {
    List<String> contract =
        table.columns().stream().map(c -> c.name() + " " + pgTypeName(c.type())).toList();
    assertThat(resultTypes.get(table)).containsExactlyElementsOf(contract);
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void matchesTheHandComputedRows(GoldTable table) {
    TableComparison c =
        new GoldComparison(50)
            .compare(table, GoldExpectations.initial().rows(table), initial.get(table));
    assertThat(c.matches()).as(c.toString()).isTrue();
    assertThat(c.rowsCompared()).isEqualTo(GoldExpectations.initial().rows(table).size());
  }

  @ParameterizedTest
  @EnumSource(GoldTable.class)
  void followsDeletedSourceRows(GoldTable table) {
    TableComparison c =
        new GoldComparison(50)
            .compare(
                table, GoldExpectations.afterDeletions().rows(table), afterDeletions.get(table));
    assertThat(c.matches()).as(c.toString()).isTrue();
  }

  @Test
  void verifiesGoldTablesEndToEndAndServesTheViews() throws SQLException {
    try (Connection c = source.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute(GoldSchema.ddl());
        s.execute(GoldSchema.ddl()); // idempotent
      }
      // Gold as the process job should have written it for the source's current state.
      for (GoldTable t : GoldTable.values()) {
        insertRows(c, t.qualifiedName(), GoldExpectations.afterDeletions().rows(t));
      }

      List<TableComparison> clean = oracle.verifyAll(c, c);
      assertThat(clean).allSatisfy(tc -> assertThat(tc.matches()).as(tc.toString()).isTrue());
      assertThat(clean).extracting(tc -> tc.table()).containsExactly(GoldTable.values());
      assertThat(c.getAutoCommit()).as("connection settings restored").isTrue();

      assertViews(c);

      String alpha = FixtureText.alias("u.alpha");
      String bravo = FixtureText.alias("u.bravo");
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE gold.logistics_readiness SET projected_supply = 8.0001 WHERE unit_id = '"
                + alpha
                + "'");
        s.executeUpdate("DELETE FROM gold.logistics_readiness WHERE unit_id = '" + bravo + "'");
        s.executeUpdate("INSERT INTO gold.logistics_readiness (unit_id) VALUES ('not-a-unit')");
      }
      TableComparison broken = oracle.verify(c, c, GoldTable.LOGISTICS_READINESS);
      assertThat(broken.matches()).isFalse();
      assertThat(broken.missingExamples()).containsExactly(Map.of("unit_id", bravo));
      assertThat(broken.extraExamples()).containsExactly(Map.of("unit_id", "not-a-unit"));
      assertThat(broken.differenceExamples())
          .containsExactly(
              new ColumnDifference(
                  Map.of("unit_id", alpha),
                  "projected_supply",
                  new java.math.BigDecimal("8.0000"),
                  new java.math.BigDecimal("8.0001")));
    }
  }

  /** The five views over the after-deletions gold rows, computed by hand. */
  private static void assertViews(Connection c) throws SQLException {
    assertThat(column(c, "SELECT unit_id FROM gold.units_needing_resupply"))
        // projected 8, 19.9999, 20, 24, 41.25 (< 50); 70 and 80 are not listed.
        .containsExactly(
            FixtureText.alias("u.alpha"),
            FixtureText.alias("u.juliet"),
            FixtureText.alias("u.bravo"),
            FixtureText.alias("u.charlie"),
            FixtureText.alias("u.india"));
    assertThat(column(c, "SELECT alert_id FROM gold.unresolved_critical_alerts"))
        .containsExactly(FixtureText.alias("a.crit_cmd"), FixtureText.alias("a.crit_late"));
    assertThat(column(c, "SELECT target_id FROM gold.recent_high_threats"))
        // Newest detection 12:00, so from 11:00 on: critical first, then by response time.
        .containsExactly(
            FixtureText.alias("t.t1"),
            FixtureText.alias("t.t3"),
            FixtureText.alias("t.t7"),
            FixtureText.alias("t.t2"));
    String dunes = FixtureText.alias("r.dunes");
    assertThat(
            column(
                c,
                "SELECT concat_ws(' ', engagements, hits, hit_rate, destroyed,"
                    + " avg_adjusted_hit_probability)"
                    + " FROM gold.engagement_success_rate_by_region WHERE region_id = '"
                    + dunes
                    + "'"))
        // Alpha at 09:00 (hit, destroyed, 0.63) and 12:00 (missed, 0.65).
        .containsExactly("2 1 0.5000 1 0.6400");
    assertThat(
            column(
                c,
                "SELECT concat_ws(' ', units, weapons, total_attacking_strength,"
                    + " avg_effective_range_km)"
                    + " FROM gold.combat_strength_by_region WHERE region_id = '"
                    + dunes
                    + "'"))
        // Alpha's two weapons: 0.4163 + 0.3006; (95 + 237.975) / 2.
        .containsExactly("1 2 0.7169 166.4875");
  }

  private static void insert(Connection c, SourceRows fixture) throws SQLException {
    for (Map.Entry<String, List<Map<String, String>>> table : fixture.tables().entrySet()) {
      insertRows(c, "public." + table.getKey(), table.getValue());
    }
  }

  /** Inserts rows of text values; PostgreSQL casts each to its column's type. */
  private static void insertRows(Connection c, String table, List<Map<String, String>> rows)
      throws SQLException {
    for (Map<String, String> row : rows) {
      List<String> columns = new ArrayList<>(row.keySet());
      String sql =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", columns)
              + ") VALUES ("
              + columns.stream().map(x -> "?").collect(Collectors.joining(", "))
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < columns.size(); i++) {
          ps.setObject(i + 1, row.get(columns.get(i)), Types.OTHER);
        }
        ps.executeUpdate();
      }
    }
  }

  private static void delete(Connection c, List<SourceRows.Deletion> deletions)
      throws SQLException {
    for (SourceRows.Deletion d : deletions) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM public." + d.table() + " WHERE id = ?::uuid")) {
        ps.setString(1, d.id());
        assertThat(ps.executeUpdate()).as("deleted " + d).isEqualTo(1);
      }
    }
  }

  private static List<String> resultTypes(Connection c, GoldTable t) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM (" + Oracle.sql(t) + ") q LIMIT 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String type = md.getColumnTypeName(i);
        if (type.equals("numeric")) {
          type += "(" + md.getPrecision(i) + "," + md.getScale(i) + ")";
        }
        out.add(md.getColumnLabel(i) + " " + type);
      }
    }
    return out;
  }

  private static String pgTypeName(GoldType type) {
    return switch (type) {
      case TEXT -> "text";
      case NUMERIC -> "numeric(19,4)";
      case BOOLEAN -> "bool";
      case TIMESTAMPTZ -> "timestamptz";
    };
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static DpConfig config(Path checkout, Path home) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DP_HOME", home.toString());
    env.put("DP_PORT_OFFSET", Integer.toString(PORT_OFFSET));
    // No watchdog: this short-lived server needs no restarts, and the reactor builds this module
    // before cli, whose classes the watchdog runs from.
    env.put(DpSettings.WATCHDOG_ENABLED.env(), "0");
    return LocalSecrets.ensure(DpConfig.load(CATALOG, checkout, env, Map.of()));
  }

  private static Supervisor supervisor(Path checkout, Path home) {
    return new Supervisor(
        config(checkout, home),
        Launchers.standard(),
        line -> System.out.println("[oracle-it] " + line));
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
