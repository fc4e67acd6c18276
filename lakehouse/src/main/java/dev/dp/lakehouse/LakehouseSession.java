package dev.dp.lakehouse;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a dp job. Everything about the cluster (master, HDFS, metastore, Delta)
 * comes from the {@code spark.*} system properties the dp job launcher sets, so job code names no
 * host.
 */
public final class LakehouseSession {

  private LakehouseSession() {}

  /** The session for a job with the given name. */
  public static SparkSession create(String appName) {
    return SparkSession.builder().appName(appName).enableHiveSupport().getOrCreate();
  }
}
