package dev.dp.stack;

import dev.dp.catalog.DpConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Paths and environment shared by every Spark JVM of the stack (daemons and drivers). */
final class SparkRuntime {

  static final String RUNTIME = "runtime/spark";
  static final String HIVE_CLIENT_RUNTIME = "runtime/hive-client";

  private SparkRuntime() {}

  /** A SPARK_HOME-like folder with {@code jars/} and {@code conf/}. */
  static Path sparkHome(DpConfig config) {
    return config.paths().module(RUNTIME).resolve("target/spark-home");
  }

  /** The {@code --add-opens} list spark-submit would add, as a java {@code @argfile}. */
  static String moduleOptionsArgFile(DpConfig config) {
    return "@" + config.paths().module(RUNTIME).resolve("conf/java17-module-options");
  }

  /** Spark's log configuration first, then the Spark jars. */
  static String classpath(DpConfig config, String service) {
    return config.paths().module(RUNTIME).resolve("conf")
        + ":"
        + RuntimeClasspath.of(config.paths(), service, RUNTIME);
  }

  /** The folder of the isolated Hive metastore client jars. */
  static Path hiveClientJars(DpConfig config) {
    return config.paths().module(HIVE_CLIENT_RUNTIME).resolve("target/hive-client-jars");
  }

  static Map<String, String> environment(DpConfig config) {
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_HOME", sparkHome(config).toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", config.bindAddress());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return env;
  }

  static String masterUrl(DpConfig config) {
    return "spark://" + config.address("spark-master", "rpc");
  }
}
