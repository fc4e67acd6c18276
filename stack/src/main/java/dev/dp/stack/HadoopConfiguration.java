package dev.dp.stack;

import dev.dp.catalog.DpConfig;
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
    return "hdfs://" + config.address("hdfs-namenode", "rpc");
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
        .set("dfs.namenode.rpc-address", config.address("hdfs-namenode", "rpc"))
        .set("dfs.namenode.rpc-bind-host", host)
        .set("dfs.namenode.http-address", config.address("hdfs-namenode", "ui"))
        .set(
            "dfs.namenode.secondary.http-address",
            config.address("hdfs-namenode", "secondary-http"))
        .set("dfs.datanode.address", config.address("hdfs-datanode", "data"))
        .set("dfs.datanode.http.address", config.address("hdfs-datanode", "http"))
        .set("dfs.datanode.ipc.address", config.address("hdfs-datanode", "ipc"))
        .set(
            "dfs.datanode.http.internal-proxy.port", config.port("hdfs-datanode", "internal-proxy"))
        .set("dfs.namenode.datanode.registration.ip-hostname-check", false)
        .set("dfs.permissions.enabled", false)
        // One datanode: nothing to wait for once its blocks are reported.
        .set("dfs.namenode.safemode.extension", 0)
        .write(dir.resolve("hdfs-site.xml"), false);

    Path yarnDir = config.paths().home().resolve("tmp/yarn");
    new HadoopXml()
        .set("yarn.resourcemanager.hostname", host)
        .set("yarn.resourcemanager.address", config.address("hdfs-resourcemanager", "client"))
        .set(
            "yarn.resourcemanager.scheduler.address",
            config.address("hdfs-resourcemanager", "scheduler"))
        .set(
            "yarn.resourcemanager.resource-tracker.address",
            config.address("hdfs-resourcemanager", "resource-tracker"))
        .set("yarn.resourcemanager.admin.address", config.address("hdfs-resourcemanager", "admin"))
        .set("yarn.resourcemanager.webapp.address", config.address("hdfs-resourcemanager", "http"))
        .set("yarn.nodemanager.hostname", host)
        .set("yarn.nodemanager.address", config.address("hdfs-nodemanager", "container-manager"))
        .set("yarn.nodemanager.localizer.address", config.address("hdfs-nodemanager", "localizer"))
        .set("yarn.nodemanager.webapp.address", config.address("hdfs-nodemanager", "http"))
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
}
