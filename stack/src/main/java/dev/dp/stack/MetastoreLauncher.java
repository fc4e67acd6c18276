package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.LakehouseLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Hive standalone metastore on {@code hms-db}: its schema is created once with the metastore
 * schema tool; ready when a Thrift call lists the databases.
 */
final class MetastoreLauncher implements ServiceLauncher {

  static final String RUNTIME = "runtime/hms";
  private static final Duration SCHEMA_TOOL_TIMEOUT = Duration.ofMinutes(5);

  /**
   * The default always-on housekeeping list without {@code HiveProtoEventsCleanerTask}, which the
   * standalone server does not ship (with it, none of these tasks start).
   */
  private static final String HOUSEKEEPING_TASKS =
      String.join(
          ",",
          "org.apache.hadoop.hive.metastore.events.EventCleanerTask",
          "org.apache.hadoop.hive.metastore.RuntimeStatsCleanerTask",
          "org.apache.hadoop.hive.metastore.metrics.AcidMetricService",
          "org.apache.hadoop.hive.metastore.metrics.AcidMetricLogger",
          "org.apache.hadoop.hive.metastore.ScheduledQueryExecutionsMaintTask",
          "org.apache.hadoop.hive.metastore.ReplicationMetricsMaintTask");

  @Override
  public void prepare(ServiceContext ctx) throws Exception {
    HadoopConfiguration.write(ctx.config());
    writeSiteXml(ctx);
    if (!schemaPresent(ctx.config())) {
      initSchema(ctx);
    }
  }

  private static void writeSiteXml(ServiceContext ctx) throws IOException {
    DatabaseEndpoint db = hmsDb(ctx.config());
    String defaultFs = HadoopConfiguration.defaultFs(ctx.config());
    new HadoopXml()
        .set("javax.jdo.option.ConnectionURL", db.jdbcUrl())
        .set("javax.jdo.option.ConnectionDriverName", "org.postgresql.Driver")
        .set("javax.jdo.option.ConnectionUserName", db.user())
        .set("javax.jdo.option.ConnectionPassword", db.password())
        .set("metastore.thrift.port", ctx.port("thrift"))
        .set("metastore.thrift.bind.host", ctx.host())
        .set("metastore.warehouse.dir", defaultFs + LakehouseLayout.WAREHOUSE)
        .set("metastore.schema.verification", true)
        .set("metastore.async.log.enabled", false)
        .set("metastore.server.min.threads", 4)
        .set("metastore.server.max.threads", 64)
        .set("metastore.task.threads.always", HOUSEKEEPING_TASKS)
        .set("fs.defaultFS", defaultFs)
        .write(ctx.confDir().resolve("metastore-site.xml"), true);
  }

  private static boolean schemaPresent(DpConfig config) throws SQLException {
    try (Connection c = hmsDb(config).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('public.\"VERSION\"') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private void initSchema(ServiceContext ctx) throws IOException, InterruptedException {
    OneShot.runOrFail(
        "the metastore schema tool",
        command(
            ctx,
            "org.apache.hadoop.hive.metastore.tools.schematool.MetastoreSchemaTool",
            List.of("-initSchema", "-dbType", "postgres")),
        Map.of(
            "METASTORE_HOME",
            ctx.paths().module(RUNTIME).resolve("target/metastore-home").toString()),
        ctx.paths().log(ctx.spec()),
        SCHEMA_TOOL_TIMEOUT);
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    return new ProcessSpec(
        command(ctx, "org.apache.hadoop.hive.metastore.HiveMetaStore", List.of()),
        Map.of(),
        ctx.paths().home(),
        StopSignal.TERM);
  }

  private static List<String> command(ServiceContext ctx, String mainClass, List<String> args) {
    Path runtime = ctx.paths().module(RUNTIME);
    String cp =
        ctx.confDir()
            + ":"
            + HadoopConfiguration.dir(ctx.config())
            + ":"
            + runtime.resolve("conf")
            + ":"
            + RuntimeClasspath.of(ctx.paths(), ctx.spec().service(), RUNTIME);
    return new JavaCommand(ctx.config().get(DpSettings.HMS_HEAP))
        .jvmOption("-Xms64m")
        .property(
            "log4j2.configurationFile",
            runtime.resolve("conf/metastore-log4j2.properties").toString())
        .main(cp, mainClass, args);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    try {
      List<String> dbs = ThriftMetastoreProbe.allDatabases(ctx.host(), ctx.port("thrift"));
      return Readiness.ready("metastore lists databases " + dbs);
    } catch (IOException e) {
      return Readiness.notYet("thrift: " + e.getMessage());
    }
  }

  static DatabaseEndpoint hmsDb(DpConfig config) {
    return DatabaseEndpoint.of(config, "hms-db");
  }
}
