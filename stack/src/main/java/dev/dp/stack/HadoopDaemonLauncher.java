package dev.dp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.catalog.DpConfig;
import dev.dp.catalog.DpSettings;
import dev.dp.catalog.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The HDFS and YARN daemons: one JVM each from {@code runtime/hadoop}, all reading the generated
 * {@link HadoopConfiguration}. They differ only in main class, heap, one-time preparation and what
 * "ready" means, which the factory methods below declare.
 */
final class HadoopDaemonLauncher implements ServiceLauncher {

  static final String RUNTIME = "runtime/hadoop";
  private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(3);

  private final String mainClass;
  private final Setting<String> heap;
  private final boolean formatsNameNode;
  private final Function<ServiceContext, Readiness> probe;

  private HadoopDaemonLauncher(
      String mainClass,
      Setting<String> heap,
      boolean formatsNameNode,
      Function<ServiceContext, Readiness> probe) {
    this.mainClass = mainClass;
    this.heap = heap;
    this.formatsNameNode = formatsNameNode;
    this.probe = probe;
  }

  static HadoopDaemonLauncher nameNode() {
    return new HadoopDaemonLauncher(
        "org.apache.hadoop.hdfs.server.namenode.NameNode",
        DpSettings.HDFS_HEAP,
        true,
        ctx ->
            HttpJson.probe(
                () -> {
                  JsonNode fs = nameNodeBean(ctx.config(), "FSNamesystemState");
                  return fs.isMissingNode()
                      ? Readiness.notYet("namesystem not loaded yet")
                      : Readiness.ready("namenode " + fs.path("FSState").asText());
                }));
  }

  static HadoopDaemonLauncher dataNode() {
    return new HadoopDaemonLauncher(
        "org.apache.hadoop.hdfs.server.datanode.DataNode",
        DpSettings.HDFS_HEAP,
        false,
        ctx ->
            HttpJson.probe(
                () -> {
                  int live =
                      nameNodeBean(ctx.config(), "FSNamesystemState")
                          .path("NumLiveDataNodes")
                          .asInt(0);
                  String safemode =
                      nameNodeBean(ctx.config(), "NameNodeInfo").path("Safemode").asText("?");
                  String seen =
                      live + " live datanode(s), safe mode " + (safemode.isEmpty() ? "off" : "on");
                  return live > 0 && safemode.isEmpty()
                      ? Readiness.ready(seen)
                      : Readiness.notYet(seen);
                }));
  }

  static HadoopDaemonLauncher resourceManager() {
    return new HadoopDaemonLauncher(
        "org.apache.hadoop.yarn.server.resourcemanager.ResourceManager",
        DpSettings.YARN_HEAP,
        false,
        ctx ->
            HttpJson.probe(
                () -> {
                  String state =
                      HttpJson.get(resourceManagerUrl(ctx.config()) + "/ws/v1/cluster/info")
                          .path("clusterInfo")
                          .path("state")
                          .asText();
                  return "STARTED".equals(state)
                      ? Readiness.ready("resource manager STARTED")
                      : Readiness.notYet("resource manager " + state);
                }));
  }

  static HadoopDaemonLauncher nodeManager() {
    return new HadoopDaemonLauncher(
        "org.apache.hadoop.yarn.server.nodemanager.NodeManager",
        DpSettings.YARN_HEAP,
        false,
        ctx ->
            HttpJson.probe(
                () -> {
                  String port = ":" + ctx.port("http");
                  JsonNode nodes =
                      HttpJson.get(resourceManagerUrl(ctx.config()) + "/ws/v1/cluster/nodes")
                          .path("nodes")
                          .path("node");
                  for (JsonNode n : nodes) {
                    if (n.path("nodeHTTPAddress").asText().endsWith(port)) {
                      String state = n.path("state").asText();
                      return "RUNNING".equals(state)
                          ? Readiness.ready(
                              "node manager RUNNING, "
                                  + n.path("availMemoryMB").asInt()
                                  + " MB free")
                          : Readiness.notYet("node manager " + state);
                    }
                  }
                  return Readiness.notYet("node manager not registered yet");
                }));
  }

  @Override
  public void prepare(ServiceContext ctx) throws IOException, InterruptedException {
    HadoopConfiguration.write(ctx.config());
    for (String volume : ctx.spec().volumes()) {
      Files.createDirectories(ctx.paths().volume(volume));
    }
    if (formatsNameNode && !Files.isRegularFile(ctx.volume().resolve("current/VERSION"))) {
      format(ctx);
    }
  }

  private void format(ServiceContext ctx) throws IOException, InterruptedException {
    OneShot.runOrFail(
        "formatting the namenode",
        command(ctx, List.of("-format", "-nonInteractive")),
        Map.of(),
        ctx.paths().log(ctx.spec()),
        FORMAT_TIMEOUT);
  }

  @Override
  public ProcessSpec process(ServiceContext ctx) {
    return new ProcessSpec(
        command(ctx, List.of()),
        Map.of("JAVA_HOME", System.getProperty("java.home")),
        ctx.paths().home(),
        StopSignal.TERM);
  }

  private List<String> command(ServiceContext ctx, List<String> args) {
    return new JavaCommand(ctx.config().get(heap))
        .jvmOption("-Xms64m")
        .property("hadoop.log.dir", ctx.paths().home().resolve("logs").toString())
        .property("yarn.log.dir", ctx.paths().home().resolve("logs").toString())
        .main(classpath(ctx.config(), ctx.spec().service()), mainClass, args);
  }

  @Override
  public Readiness probe(ServiceContext ctx) {
    return probe.apply(ctx);
  }

  /** Generated configuration, then logging config and web resources, then the jars. */
  static String classpath(DpConfig config, String service) {
    Path runtime = config.paths().module(RUNTIME);
    return HadoopConfiguration.dir(config)
        + ":"
        + runtime.resolve("conf")
        + ":"
        + runtime.resolve("target/hadoop-res")
        + ":"
        + RuntimeClasspath.of(config.paths(), service, RUNTIME);
  }

  private static JsonNode nameNodeBean(DpConfig config, String bean) throws IOException {
    String url =
        "http://"
            + config.address("hdfs-namenode", "ui")
            + "/jmx?qry=Hadoop:service=NameNode,name="
            + bean;
    return HttpJson.get(url).path("beans").path(0);
  }

  private static String resourceManagerUrl(DpConfig config) {
    return "http://" + config.address("hdfs-resourcemanager", "http");
  }
}
