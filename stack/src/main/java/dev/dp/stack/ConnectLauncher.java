package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.ServiceSpec;
import dev.dp.catalog.SourceTables;
import dev.dp.cdc.ConnectClient;
import dev.dp.cdc.ConnectorState;
import dev.dp.cdc.PostgresConnectorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka Connect in distributed mode with the Debezium PostgreSQL connector in its own plugin
 * directory; once the worker answers, registers {@code postgres-connector} (idempotent {@code PUT})
 * and waits until the connector and its task run.
 */
final class ConnectLauncher implements ServiceLauncher {

  static final String RUNTIME = "runtime/connect";

  @Override
  public void prepare(ServiceContext ctx) throws IOException {
    Path pluginDir = ctx.paths().module(RUNTIME).resolve("target/plugins");
    if (!Files.isDirectory(pluginDir)) {
      throw new ServiceStartException(
          ctx.spec().service(),
          "the Debezium plugin directory " + pluginDir + " is missing: run ./dp (builds it)");
    }
    Files.createDirectories(ctx.confDir());
    KafkaLauncher.writeProperties(
        ctx.confDir().resolve("connect-distributed.properties"), workerConfig(ctx, pluginDir));
  }

  private static Properties workerConfig(ServiceContext ctx, Path pluginDir) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", ctx.config().kafkaBootstrap());
    p.setProperty("group.id", "dp-connect");
    p.setProperty("config.storage.topic", "_dp_connect_configs");
    p.setProperty("offset.storage.topic", "_dp_connect_offsets");
    p.setProperty("status.storage.topic", "_dp_connect_status");
    p.setProperty("config.storage.replication.factor", "1");
    p.setProperty("offset.storage.replication.factor", "1");
    p.setProperty("status.storage.replication.factor", "1");
    p.setProperty("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    p.setProperty("key.converter.schemas.enable", "false");
    // Values carry their Connect schema: consumers learn column types (and new columns) from it.
    p.setProperty("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    p.setProperty("value.converter.schemas.enable", "true");
    p.setProperty("listeners", "http://" + ctx.host() + ":" + ctx.port("rest"));
    p.setProperty("rest.advertised.host.name", ctx.host());
    p.setProperty("plugin.path", pluginDir.toString());
    p.setProperty("plugin.discovery", "service_load");
    // Committing source offsets every second keeps the replay after a crash short.
    p.setProperty("offset.flush.interval.ms", "1000");
    p.setProperty("config.providers", "file");
    p.setProperty(
        "config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    return p;
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    List<String> cmd =
        new JavaCommand(ctx.config().get(DpSettings.CONNECT_HEAP))
            .jvmOption("-Xms96m")
            .property(
                "log4j2.configurationFile",
                ctx.paths().module(RUNTIME).resolve("conf/log4j2.properties").toString())
            .main(
                RuntimeClasspath.of(ctx.paths(), ctx.spec().service(), RUNTIME),
                "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(ctx.confDir().resolve("connect-distributed.properties").toString()));
    return new ProcessSpec(cmd, Map.of(), ctx.paths().home(), StopSignal.TERM);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    try {
      return Readiness.ready("Connect " + client(ctx).version() + " answers");
    } catch (IOException e) {
      return Readiness.notYet("Connect REST: " + e.getMessage());
    }
  }

  @Override
  public String afterReady(ServiceContext ctx, long deadlineNanos) throws Exception {
    createSourceTopics(ctx.config());
    ConnectClient client = client(ctx);
    Map<String, String> config = connectorConfig(ctx.config());
    Waits.Outcome registered =
        Waits.until(
            deadlineNanos,
            () -> {
              try {
                client.putConfig(PostgresConnectorConfig.CONNECTOR_NAME, config);
                return Readiness.ready("registered");
              } catch (IOException e) {
                return Readiness.notYet(e.getMessage()); // 409 while the worker rebalances
              }
            },
            () -> null);
    if (!registered.ready()) {
      throw new ServiceStartException(
          ctx.spec().service(),
          "could not register "
              + PostgresConnectorConfig.CONNECTOR_NAME
              + ": "
              + registered.last().detail());
    }
    Waits.Outcome running =
        Waits.until(
            deadlineNanos,
            () -> connectorReadiness(client),
            () -> {
              try {
                Optional<ConnectorState> s = client.status(PostgresConnectorConfig.CONNECTOR_NAME);
                return s.filter(ConnectorState::failed)
                    .map(f -> "the connector FAILED: " + firstLines(f.trace()))
                    .orElse(null);
              } catch (IOException e) {
                return null;
              }
            });
    if (!running.ready()) {
      throw new ServiceStartException(
          ctx.spec().service(),
          Optional.ofNullable(running.abortReason())
              .orElse(
                  PostgresConnectorConfig.CONNECTOR_NAME
                      + " not RUNNING in time: "
                      + running.last().detail()),
          ctx.paths().log(ctx.spec()),
          LogFiles.tail(ctx.paths().log(ctx.spec()), 20));
    }
    return PostgresConnectorConfig.CONNECTOR_NAME + ": " + running.last().detail();
  }

  private static Readiness connectorReadiness(ConnectClient client) {
    try {
      return client
          .status(PostgresConnectorConfig.CONNECTOR_NAME)
          .map(s -> s.running() ? Readiness.ready(s.toString()) : Readiness.notYet(s.toString()))
          .orElse(Readiness.notYet("connector not known yet"));
    } catch (IOException e) {
      return Readiness.notYet(e.getMessage());
    }
  }

  /**
   * Creates the 15 change topics before the connector runs, so consumers (the ingest job) can
   * subscribe before the first change of a table arrives. Existing topics are left as they are.
   */
  static void createSourceTopics(DpConfig config) throws Exception {
    try (Admin admin = KafkaAdmin.open(config, 30_000)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          SourceTables.topics().stream()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, 1, (short) 1))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The connector config for this stack; the password stays in the local credentials file. */
  static Map<String, String> connectorConfig(DpConfig config) {
    ServiceSpec source = config.catalog().require("postgres-source");
    String credentials = config.paths().home().resolve(DpConfig.PROPERTIES_FILE).toString();
    return PostgresConnectorConfig.forSource(
        config.bindAddress(),
        config.port(source, "postgres"),
        source.database().orElseThrow().user(),
        "${file:" + credentials + ":" + DpSettings.SOURCE_PASSWORD + "}");
  }

  private static ConnectClient client(ServiceContext ctx) {
    return new ConnectClient(ctx.host(), ctx.port("rest"));
  }

  private static String firstLines(String trace) {
    return trace.lines().limit(5).reduce((a, b) -> a + System.lineSeparator() + b).orElse("");
  }
}
