package dev.dp.stack;

import dev.dp.catalog.LaunchKind;
import java.util.EnumMap;
import java.util.Map;

/** One launcher per {@link LaunchKind}. */
public final class Launchers {

  private final Map<LaunchKind, ServiceLauncher> byKind = new EnumMap<>(LaunchKind.class);

  /** The launchers of the local twin. */
  public static Launchers standard() {
    Launchers l = new Launchers();
    l.byKind.put(LaunchKind.POSTGRES, new PostgresLauncher());
    l.byKind.put(LaunchKind.KAFKA, new KafkaLauncher());
    l.byKind.put(LaunchKind.KAFKA_CONNECT, new ConnectLauncher());
    l.byKind.put(LaunchKind.DATA_GENERATOR, new GeneratorLauncher());
    l.byKind.put(LaunchKind.KAFKA_UI, new ConsoleLauncher());
    l.byKind.put(LaunchKind.HDFS_NAMENODE, HadoopDaemonLauncher.nameNode());
    l.byKind.put(LaunchKind.HDFS_DATANODE, HadoopDaemonLauncher.dataNode());
    l.byKind.put(LaunchKind.YARN_RESOURCEMANAGER, HadoopDaemonLauncher.resourceManager());
    l.byKind.put(LaunchKind.YARN_NODEMANAGER, HadoopDaemonLauncher.nodeManager());
    l.byKind.put(LaunchKind.HIVE_METASTORE, new MetastoreLauncher());
    l.byKind.put(LaunchKind.SPARK_MASTER, SparkDaemonLauncher.master());
    l.byKind.put(LaunchKind.SPARK_WORKER, SparkDaemonLauncher.worker());
    l.byKind.put(LaunchKind.SPARK_INGEST_JOB, SparkJobLauncher.ingest());
    l.byKind.put(LaunchKind.SPARK_PROCESS_JOB, SparkJobLauncher.process());
    return l;
  }

  /** The launcher of a kind. */
  public ServiceLauncher forKind(LaunchKind kind) {
    ServiceLauncher l = byKind.get(kind);
    if (l == null) {
      throw new IllegalStateException("no local launcher for " + kind);
    }
    return l;
  }
}
