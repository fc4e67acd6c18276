package dev.dp.cli;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceSpec;
import dev.dp.stack.DatabaseEndpoint;
import dev.dp.stack.PostgresBinaries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dp psql}: psql on one of the stack's databases with the stack's credentials. */
@Command(
    name = "psql",
    description = "Open psql on postgres-source, postgres-dest or hms-db (or run -c SQL).")
final class PsqlCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @Parameters(index = "0", paramLabel = "SERVICE", description = "postgres-source, ...")
  String service;

  @Option(
      names = {"-c", "--command"},
      paramLabel = "SQL",
      description = "Run one SQL command and exit.")
  String sql;

  @Option(
      names = {"-d", "--dbname"},
      paramLabel = "DB",
      description = "Database (default: the service's own).")
  String database;

  @Parameters(index = "1..*", paramLabel = "PSQL_ARG", description = "More psql arguments.")
  List<String> extra = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    DpConfig config = stack.config();
    ServiceSpec spec = config.catalog().require(service);
    DatabaseEndpoint db = DatabaseEndpoint.of(config, spec);
    List<String> cmd = new ArrayList<>();
    cmd.add(PostgresBinaries.locate(config, spec.service()).resolve("psql").toString());
    cmd.addAll(
        List.of(
            "-h", db.host(),
            "-p", Integer.toString(db.port()),
            "-U", db.user(),
            "-d", database != null ? database : db.database()));
    if (sql != null) {
      cmd.add("-c");
      cmd.add(sql);
    }
    cmd.addAll(extra);
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    pb.environment().put("PGPASSWORD", db.password());
    return pb.start().waitFor();
  }
}
