package dev.dp.lakehouse;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Makes a long-running job's driver exit (code 1) when its Spark application ends underneath it.
 * The standalone master removes an application whose executors keep failing (for example while the
 * worker is being stopped); the driver's SparkContext then stops, but its JVM would stay alive
 * doing nothing: an idle streaming query or a poll loop never notices. Exiting lets the watchdog
 * (or {@code dp up}) start the job again. During a normal stop (a signal: the JVM is shutting down
 * and stops the context itself) it does nothing.
 */
public final class ExitWhenApplicationEnds extends SparkListener {

  private final String job;

  private ExitWhenApplicationEnds(String job) {
    this.job = job;
  }

  /** Installs the listener on {@code spark}'s context, for the job named {@code job}. */
  public static void install(SparkSession spark, String job) {
    spark.sparkContext().addSparkListener(new ExitWhenApplicationEnds(job));
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    if (jvmShuttingDown()) {
      return;
    }
    System.err.println(
        job
            + ": its Spark application ended (the master removed it, or the context stopped);"
            + " exiting so that it is started again");
    Thread exit = new Thread(() -> System.exit(1), job + "-exit");
    exit.setDaemon(true);
    exit.start();
  }

  /** Whether the JVM is already running its shutdown hooks (then no hook can be added). */
  private static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
