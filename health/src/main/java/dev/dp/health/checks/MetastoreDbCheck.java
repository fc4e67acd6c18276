package dev.dp.health.checks;

import dev.dp.catalog.LakehouseLayout;
import dev.dp.catalog.SourceTables;
import dev.dp.health.HealthCheck;
import dev.dp.health.HealthThresholds;
import dev.dp.health.PlaybookStep;
import dev.dp.health.ProbeContext;
import dev.dp.health.Text;
import dev.dp.health.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 7, hms-db: the metastore schema exists ({@code DBS}, {@code TBLS}, {@code SDS} and its
 * version) and the lakehouse is registered in it the way a Delta table looks there: an external
 * table whose real location is the {@code path} serde parameter, provider {@code delta}. Silver
 * needs, per source table, a Delta table at {@code /data/delta/silver/<table>} and the view {@code
 * silver.<table>}; bronze a Delta table under {@code /data/delta/bronze/}.
 */
public final class MetastoreDbCheck implements HealthCheck<MetastoreDbCheck.Observation> {

  static final String SERVICE = "hms-db";
  static final List<String> SCHEMA_TABLES = List.of("DBS", "TBLS", "SDS");

  private static final String REGISTERED =
      "SELECT d.\"NAME\", t.\"TBL_NAME\", t.\"TBL_TYPE\", coalesce(sp.\"PARAM_VALUE\", ''),"
          + " coalesce(tp.\"PARAM_VALUE\", '')"
          + " FROM \"TBLS\" t JOIN \"DBS\" d ON d.\"DB_ID\" = t.\"DB_ID\""
          + " LEFT JOIN \"SDS\" s ON s.\"SD_ID\" = t.\"SD_ID\""
          + " LEFT JOIN \"SERDE_PARAMS\" sp ON sp.\"SERDE_ID\" = s.\"SERDE_ID\""
          + " AND sp.\"PARAM_KEY\" = 'path'"
          + " LEFT JOIN \"TABLE_PARAMS\" tp ON tp.\"TBL_ID\" = t.\"TBL_ID\""
          + " AND tp.\"PARAM_KEY\" = 'spark.sql.sources.provider'"
          + " WHERE d.\"NAME\" IN (?, ?)";

  /**
   * One table registered in the metastore.
   *
   * @param database its database, e.g. {@code silver}
   * @param name its name
   * @param type {@code EXTERNAL_TABLE}, {@code VIRTUAL_VIEW}, …
   * @param path the {@code path} serde parameter (a Delta table's real location), or empty
   * @param provider {@code spark.sql.sources.provider}, e.g. {@code delta}, or empty
   */
  public record Registered(
      String database, String name, String type, String path, String provider) {

    boolean isDeltaAt(String tablePath) {
      return "delta".equalsIgnoreCase(provider) && path.endsWith(tablePath);
    }

    boolean isViewNamed(String db, String table) {
      return database.equals(db) && name.equals(table) && type.equals("VIRTUAL_VIEW");
    }
  }

  /**
   * What the probe saw.
   *
   * @param error why SQL failed, or empty
   * @param schemaTables which of {@code DBS}, {@code TBLS}, {@code SDS} exist
   * @param schemaVersion the metastore schema version, or empty
   * @param databases the metastore's databases
   * @param tables bronze and silver tables and views
   */
  public record Observation(
      String error,
      List<String> schemaTables,
      String schemaVersion,
      List<String> databases,
      List<Registered> tables) {

    static Observation failed(String error) {
      return new Observation(error, List.of(), "", List.of(), List.of());
    }
  }

  @Override
  public PlaybookStep step() {
    return PlaybookStep.of(7, "Hive Metastore DB", SERVICE);
  }

  @Override
  public Observation probe(ProbeContext ctx) {
    ctx.doing("querying the metastore schema in hms-db");
    try (Connection c = ctx.sql(SERVICE)) {
      List<String> present = new ArrayList<>();
      for (String t : SCHEMA_TABLES) {
        if (exists(c, t)) {
          present.add(t);
        }
      }
      if (present.size() < SCHEMA_TABLES.size()) {
        return new Observation("", present, "", List.of(), List.of());
      }
      String version =
          exists(c, "VERSION") ? single(c, "SELECT \"SCHEMA_VERSION\" FROM \"VERSION\"") : "";
      List<String> dbs = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT \"NAME\" FROM \"DBS\" ORDER BY 1")) {
        while (rs.next()) {
          dbs.add(rs.getString(1));
        }
      }
      List<Registered> tables = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(REGISTERED)) {
        ps.setString(1, LakehouseLayout.BRONZE);
        ps.setString(2, LakehouseLayout.SILVER);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(
                new Registered(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)));
          }
        }
      }
      return new Observation("", present, version, dbs, tables);
    } catch (SQLException | RuntimeException e) {
      return Observation.failed(Text.error(e));
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, "public.\"" + table + "\"");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  @Override
  public Verdict verdict(Observation o, HealthThresholds t) {
    if (!o.error().isEmpty()) {
      return Verdict.fail("hms-db does not answer SQL: " + o.error(), "./dp logs dp_hms_db");
    }
    List<String> missingSchema =
        SCHEMA_TABLES.stream().filter(n -> !o.schemaTables().contains(n)).toList();
    if (!missingSchema.isEmpty()) {
      return Verdict.fail(
              "the metastore schema is not initialized: " + missingSchema + " missing",
              "./dp up hms runs the schema tool once; ./dp logs hms")
          .with("schema_tables", o.schemaTables());
    }
    List<String> silverMissing = new ArrayList<>();
    for (String table : SourceTables.NAMES) {
      String path = LakehouseLayout.tablePath(LakehouseLayout.SILVER, table);
      boolean delta = o.tables().stream().anyMatch(r -> r.isDeltaAt(path));
      boolean view =
          o.tables().stream().anyMatch(r -> r.isViewNamed(LakehouseLayout.SILVER, table));
      if (!delta || !view) {
        silverMissing.add(table);
      }
    }
    String bronzePrefix = LakehouseLayout.tablePath(LakehouseLayout.BRONZE, "");
    long bronzeDelta =
        o.tables().stream()
            .filter(r -> r.database().equals(LakehouseLayout.BRONZE))
            .filter(r -> "delta".equalsIgnoreCase(r.provider()) && r.path().contains(bronzePrefix))
            .count();
    long views = o.tables().stream().filter(r -> r.type().equals("VIRTUAL_VIEW")).count();
    Verdict v;
    if (!o.databases().contains(LakehouseLayout.BRONZE)
        || !o.databases().contains(LakehouseLayout.SILVER)) {
      v =
          Verdict.warn(
              "schema "
                  + o.schemaVersion()
                  + " initialized, but the bronze and silver databases are not created yet"
                  + " (databases: "
                  + o.databases()
                  + ")",
              "the ingest job creates them when it starts; see step 11");
    } else if (bronzeDelta == 0 || !silverMissing.isEmpty()) {
      v =
          Verdict.warn(
              (bronzeDelta == 0 ? "no bronze Delta table registered; " : "")
                  + silverMissing.size()
                  + " of 15 silver tables not registered (Delta table and view): "
                  + Text.list(silverMissing),
              "the ingest job registers a table with its first change; see step 11");
    } else {
      v =
          Verdict.pass(
              "schema "
                  + o.schemaVersion()
                  + " with "
                  + String.join(", ", SCHEMA_TABLES)
                  + "; bronze: "
                  + bronzeDelta
                  + " Delta table(s); silver: the 15 Delta tables at "
                  + LakehouseLayout.DELTA_ROOT
                  + "/silver/<table> and their views; "
                  + views
                  + " views in all");
    }
    return v.with("schema_version", o.schemaVersion())
        .with("databases", o.databases())
        .with("registered", o.tables().size())
        .with("bronze_delta_tables", bronzeDelta)
        .with("silver_tables_missing", silverMissing.isEmpty() ? null : silverMissing);
  }
}
