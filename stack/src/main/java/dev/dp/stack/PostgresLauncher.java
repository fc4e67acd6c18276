package dev.dp.stack;

import dev.dp.catalog.DatabaseSpec;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.SourceSchema;
import dev.dp.cdc.HeartbeatTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a PostgreSQL cluster from the Debian binaries: {@code initdb} once per volume (owner and
 * password from configuration, SCRAM authentication on TCP only), then {@code postgres} in the
 * foreground under the supervisor. The cluster listens only on the bind address; no Unix socket.
 */
final class PostgresLauncher implements ServiceLauncher {

  private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);

  /** Initialization after the database exists, keyed by service name. */
  private static final Map<String, DatabaseInitializer> INITIALIZERS =
      Map.of(
          "postgres-source",
          c -> {
            SourceSchema.apply(c);
            HeartbeatTable.apply(c);
          });

  @Override
  public void prepare(ServiceContext ctx) throws Exception {
    Path bin = PostgresBinaries.locate(ctx.config(), ctx.spec().service());
    Path data = ctx.volume();
    if (Files.isRegularFile(data.resolve("PG_VERSION"))) {
      return;
    }
    DatabaseSpec db = database(ctx);
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    List<Path> widened = OsUser.handOver(data);
    Path pwfile = data.resolveSibling("." + data.getFileName() + ".pwfile");
    Files.writeString(pwfile, ctx.config().password(db) + "\n");
    Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
    OsUser.handOver(pwfile);
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(bin.resolve("initdb").toString());
      cmd.addAll(
          List.of(
              "-D",
              data.toString(),
              "-U",
              db.user(),
              "--pwfile=" + pwfile,
              "--auth-host=scram-sha-256",
              "--auth-local=scram-sha-256",
              "--encoding=UTF8",
              "--locale=C.UTF-8"));
      Path log = ctx.paths().log(ctx.spec());
      Files.createDirectories(log.getParent());
      if (!widened.isEmpty()) {
        Files.writeString(
            log,
            "=== dp: made "
                + widened
                + " traversable (o+x) so the postgres user reaches "
                + data
                + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
      OneShot.runOrFail("initdb", OsUser.asPostgres(cmd), Map.of(), log, INITDB_TIMEOUT);
    } finally {
      Files.deleteIfExists(pwfile);
    }
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    Path bin = PostgresBinaries.locate(ctx.config(), ctx.spec().service());
    DatabaseSpec db = database(ctx);
    List<String> cmd = new ArrayList<>();
    cmd.add(bin.resolve("postgres").toString());
    cmd.addAll(List.of("-D", ctx.volume().toString()));
    setting(cmd, "listen_addresses", ctx.host());
    setting(cmd, "port", Integer.toString(ctx.port("postgres")));
    setting(cmd, "unix_socket_directories", "");
    setting(cmd, "shared_buffers", ctx.config().get(DpSettings.POSTGRES_SHARED_BUFFERS));
    setting(cmd, "max_connections", "60");
    setting(cmd, "fsync", "on");
    setting(cmd, "synchronous_commit", "on");
    setting(cmd, "logging_collector", "off");
    setting(cmd, "log_line_prefix", "%m [%p] %q%u@%d ");
    if (db.logicalReplication()) {
      setting(cmd, "wal_level", "logical");
      setting(cmd, "max_replication_slots", "10");
      setting(cmd, "max_wal_senders", "10");
      // A stuck or abandoned slot must not fill the disk.
      setting(cmd, "max_slot_wal_keep_size", "2GB");
    }
    return new ProcessSpec(OsUser.asPostgres(cmd), Map.of(), ctx.paths().home(), StopSignal.INT);
  }

  private static void setting(List<String> cmd, String name, String value) {
    cmd.add("-c");
    cmd.add(name + "=" + value);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    DatabaseEndpoint admin = DatabaseEndpoint.of(ctx.config(), ctx.spec()).withDatabase("postgres");
    try (Connection c = admin.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return Readiness.ready("PostgreSQL " + rs.getString(1) + " accepts " + admin.user());
    } catch (SQLException e) {
      return Readiness.notYet(e.getMessage());
    }
  }

  @Override
  public String afterReady(ServiceContext ctx, long deadlineNanos) throws SQLException {
    DatabaseEndpoint endpoint = DatabaseEndpoint.of(ctx.config(), ctx.spec());
    try (Connection c = endpoint.withDatabase("postgres").connect()) {
      boolean exists;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, endpoint.database());
        try (ResultSet rs = ps.executeQuery()) {
          exists = rs.next();
        }
      }
      if (!exists) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE \"" + endpoint.database() + "\"");
        }
      }
    }
    DatabaseInitializer init = INITIALIZERS.get(ctx.spec().service());
    if (init != null) {
      try (Connection c = endpoint.connect()) {
        init.initialize(c);
      }
    }
    return "database " + endpoint.database() + (init != null ? " with its schema" : "");
  }

  private static DatabaseSpec database(ServiceContext ctx) {
    return ctx.spec().database().orElseThrow();
  }

  /** Creates what a database must hold before its dependents start. */
  @FunctionalInterface
  interface DatabaseInitializer {
    void initialize(Connection connection) throws SQLException;
  }
}
