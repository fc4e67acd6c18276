package dev.dp.stack;

import dev.dp.catalog.DpSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A single-node Kafka in KRaft combined mode (broker and controller in one JVM). The log directory
 * is formatted once with a generated cluster id.
 */
final class KafkaLauncher implements ServiceLauncher {

  static final String RUNTIME = "runtime/kafka";
  private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
  private static final int PROBE_TIMEOUT_MS = 3_000;

  @Override
  public void prepare(ServiceContext ctx) throws Exception {
    Path conf = ctx.confDir();
    Files.createDirectories(conf);
    Files.createDirectories(ctx.volume());
    Path serverProperties = conf.resolve("server.properties");
    writeProperties(serverProperties, serverConfig(ctx));
    if (Files.isRegularFile(ctx.volume().resolve("meta.properties"))) {
      return;
    }
    List<String> cmd =
        new JavaCommand("256m")
            .property("log4j2.configurationFile", log4jConfig(ctx, "tools-log4j2.properties"))
            .main(
                RuntimeClasspath.of(ctx.paths(), ctx.spec().service(), RUNTIME),
                "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId(), "-c", serverProperties.toString()));
    OneShot.runOrFail(
        "formatting the KRaft log directory",
        cmd,
        Map.of(),
        ctx.paths().log(ctx.spec()),
        FORMAT_TIMEOUT);
  }

  private static Properties serverConfig(ServiceContext ctx) {
    String host = ctx.host();
    int broker = ctx.port("broker");
    int controller = ctx.port("controller");
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + host + ":" + controller);
    p.setProperty(
        "listeners",
        "PLAINTEXT://" + host + ":" + broker + ",CONTROLLER://" + host + ":" + controller);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + broker);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", ctx.volume().toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("log.retention.hours", "168");
    return p;
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    List<String> cmd =
        new JavaCommand(ctx.config().get(DpSettings.KAFKA_HEAP))
            .jvmOption("-Xms128m")
            .property("log4j2.configurationFile", log4jConfig(ctx, "log4j2.properties"))
            .property("kafka.logs.dir", ctx.paths().home().resolve("logs").toString())
            .main(
                RuntimeClasspath.of(ctx.paths(), ctx.spec().service(), RUNTIME),
                "kafka.Kafka",
                List.of(ctx.confDir().resolve("server.properties").toString()));
    return new ProcessSpec(cmd, Map.of(), ctx.paths().home(), StopSignal.TERM);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    try (Admin admin = KafkaAdmin.open(ctx.config().kafkaBootstrap(), PROBE_TIMEOUT_MS)) {
      int brokers =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
              .nodes()
              .get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .size();
      return brokers > 0
          ? Readiness.ready(brokers + " broker(s) in the KRaft cluster")
          : Readiness.notYet("no broker registered");
    } catch (Exception e) {
      return Readiness.notYet(
          "admin client: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  static String log4jConfig(ServiceContext ctx, String file) {
    return ctx.paths().module(RUNTIME).resolve("conf").resolve(file).toString();
  }

  /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
  static String clusterId() {
    byte[] bytes = new byte[16];
    SecureRandom random = new SecureRandom();
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  static void writeProperties(Path file, Properties p) throws IOException {
    try (var w = Files.newBufferedWriter(file)) {
      p.store(w, "generated by dp; edits are overwritten on the next dp up");
    }
  }
}
