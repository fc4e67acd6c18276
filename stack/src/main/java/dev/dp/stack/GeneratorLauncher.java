package dev.dp.stack;

import dev.dp.catalog.DpSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The data generator as its own JVM, writing to {@code postgres-source}. Ready once the reference
 * data is seeded (or, for a short bounded run, when it finished).
 */
final class GeneratorLauncher implements ServiceLauncher {

  static final String MODULE = "generator";
  static final String MAIN = "dev.dp.generator.DataGeneratorMain";

  @Override
  public void prepare(ServiceContext ctx) {}

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    DatabaseEndpoint source = source(ctx);
    List<String> args =
        List.of(
            "--jdbc-url", source.jdbcUrl(),
            "--user", source.user(),
            "--seed", Integer.toString(ctx.config().get(DpSettings.GENERATOR_SEED)),
            "--rate", Integer.toString(ctx.config().get(DpSettings.GENERATOR_RATE)),
            "--count", Integer.toString(ctx.config().get(DpSettings.GENERATOR_COUNT)));
    List<String> cmd =
        new JavaCommand(ctx.config().get(DpSettings.GENERATOR_HEAP))
            .main(RuntimeClasspath.of(ctx.paths(), ctx.spec().service(), MODULE), MAIN, args);
    return new ProcessSpec(
        cmd,
        Map.of("DP_GENERATOR_PASSWORD", source.password()),
        ctx.paths().home(),
        StopSignal.TERM);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    try (Connection c = source(ctx).connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seeded, changes_applied FROM dp_generator.progress WHERE seed = ?")) {
      ps.setLong(1, ctx.config().get(DpSettings.GENERATOR_SEED));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getBoolean(1)) {
          return Readiness.ready(
              "reference data seeded, " + rs.getLong(2) + " changes applied so far");
        }
        return Readiness.notYet("reference data not seeded yet");
      }
    } catch (SQLException e) {
      return Readiness.notYet(e.getMessage());
    }
  }

  private static DatabaseEndpoint source(ServiceContext ctx) {
    return DatabaseEndpoint.of(ctx.config(), "postgres-source");
  }
}
