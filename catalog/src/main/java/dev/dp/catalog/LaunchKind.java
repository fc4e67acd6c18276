package dev.dp.catalog;

/**
 * How the local twin launches a service. One launcher exists per kind, so three PostgreSQL clusters
 * share one launcher and differ only by their {@link ServiceSpec}.
 */
public enum LaunchKind {
  POSTGRES,
  KAFKA,
  KAFKA_CONNECT,
  DATA_GENERATOR,
  KAFKA_UI,
  HDFS_NAMENODE,
  HDFS_DATANODE,
  HIVE_METASTORE,
  SPARK_MASTER,
  SPARK_WORKER,
  YARN_RESOURCEMANAGER,
  YARN_NODEMANAGER,
  SPARK_INGEST_JOB,
  SPARK_PROCESS_JOB,
  NONE
}
