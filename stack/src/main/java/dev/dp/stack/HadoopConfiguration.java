package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import dev.dp.catalog.ServiceCatalog;
import dev.dp.catalog.ServiceSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Hadoop client and daemon configuration of the stack ({@code core-site}, {@code hdfs-site},
 * {@code yarn-site}, {@code capacity-scheduler}), generated into {@code DP_HOME/conf/hadoop} from
 * the catalog's ports. HDFS, YARN, the metastore, Spark jobs and {@code dp hdfs} all read this one
 * directory.
 */
public final class HadoopConfiguration {

  /** Memory and cores the NodeManager offers to YARN containers. */
  private static final int NODE_MEMORY_MB = 4096;

  private static final int NODE_VCORES = 2;

  private HadoopConfiguration() {}

  /** The directory holding the generated files. */
  public static Path dir(DpConfig config) {
    return config.paths().home().resolve("conf").resolve("hadoop");
  }

  /** {@code hdfs://host:port}, the default file system of the stack. */
  public static String defaultFs(DpConfig config) {
    return "hdfs://" + config.bindAddress() + ":" + port(config, "hdfs-namenode", "rpc");
  }

  /** (Re)writes every file; cheap, done before any Hadoop JVM starts. */
  public static Path write(DpConfig config) throws IOException {
    Path dir = dir(config);
    String host = config.bindAddress();
    new HadoopXml()
        .set("fs.defaultFS", defaultFs(config))
        .set("hadoop.tmp.dir", config.paths().home().resolve("tmp/hadoop"))
        .write(dir.resolve("core-site.xml"), false);

    Path nameDir = config.paths().volume("namenode_data");
    Path dataDir = config.paths().volume("datanode_data");
    new HadoopXml()
        .set("dfs.namenode.name.dir", nameDir.toUri())
        .set("dfs.datanode.data.dir", dataDir.toUri())
        .set("dfs.replication", 1)
        .set("dfs.namenode.rpc-address", address(config, "hdfs-namenode", "rpc"))
        .set("dfs.namenode.rpc-bind-host", host)
        .set("dfs.namenode.http-address", address(config, "hdfs-namenode", "ui"))
        .set("dfs.namenode.secondary.http-address", host + ":" + (9868 + config.portOffset()))
        .set("dfs.datanode.address", address(config, "hdfs-datanode", "data"))
        .set("dfs.datanode.http.address", address(config, "hdfs-datanode", "http"))
        .set("dfs.datanode.ipc.address", address(config, "hdfs-datanode", "ipc"))
        .set(
            "dfs.datanode.http.internal-proxy.port",
            port(config, "hdfs-datanode", "internal-proxy"))
        .set("dfs.namenode.datanode.registration.ip-hostname-check", false)
        .set("dfs.permissions.enabled", false)
        // One datanode: nothing to wait for once its blocks are reported.
        .set("dfs.namenode.safemode.extension", 0)
        .write(dir.resolve("hdfs-site.xml"), false);

    Path yarnDir = config.paths().home().resolve("tmp/yarn");
    new HadoopXml()
        .set("yarn.resourcemanager.hostname", host)
        .set("yarn.resourcemanager.address", address(config, "hdfs-resourcemanager", "client"))
        .set(
            "yarn.resourcemanager.scheduler.address",
            address(config, "hdfs-resourcemanager", "scheduler"))
        .set(
            "yarn.resourcemanager.resource-tracker.address",
            address(config, "hdfs-resourcemanager", "resource-tracker"))
        .set("yarn.resourcemanager.admin.address", address(config, "hdfs-resourcemanager", "admin"))
        .set("yarn.resourcemanager.webapp.address", address(config, "hdfs-resourcemanager", "http"))
        .set("yarn.nodemanager.hostname", host)
        .set("yarn.nodemanager.address", address(config, "hdfs-nodemanager", "container-manager"))
        .set("yarn.nodemanager.localizer.address", address(config, "hdfs-nodemanager", "localizer"))
        .set("yarn.nodemanager.webapp.address", address(config, "hdfs-nodemanager", "http"))
        .set("yarn.nodemanager.local-dirs", yarnDir.resolve("local"))
        .set("yarn.nodemanager.log-dirs", config.paths().home().resolve("logs/yarn-containers"))
        .set("yarn.nodemanager.resource.memory-mb", NODE_MEMORY_MB)
        .set("yarn.nodemanager.resource.cpu-vcores", NODE_VCORES)
        .set("yarn.scheduler.minimum-allocation-mb", 256)
        .set("yarn.scheduler.maximum-allocation-mb", NODE_MEMORY_MB)
        .set("yarn.nodemanager.vmem-check-enabled", false)
        .set("yarn.nodemanager.pmem-check-enabled", false)
        .set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 98)
        .set("yarn.log-aggregation-enable", false)
        .set("yarn.timeline-service.enabled", false)
        .write(dir.resolve("yarn-site.xml"), false);

    new HadoopXml()
        .set("yarn.scheduler.capacity.root.queues", "default")
        .set("yarn.scheduler.capacity.root.default.capacity", 100)
        .set("yarn.scheduler.capacity.root.default.maximum-capacity", 100)
        // One small node: the default 10% cannot hold a 512 MB application master.
        .set("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5)
        .set(
            "yarn.scheduler.capacity.resource-calculator",
            "org.apache.hadoop.yarn.util.resource.DefaultResourceCalculator")
        .write(dir.resolve("capacity-scheduler.xml"), false);
    return dir;
  }

  static int port(DpConfig config, String service, String port) {
    ServiceSpec spec = ServiceCatalog.standard().require(service);
    return config.port(spec, port);
  }

  static String address(DpConfig config, String service, String port) {
    return config.bindAddress() + ":" + port(config, service, port);
  }
}
