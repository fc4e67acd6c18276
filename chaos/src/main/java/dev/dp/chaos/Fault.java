package dev.dp.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One fault of the drill: a service killed with SIGKILL (the watchdog must restart it), or paused
 * with SIGSTOP for longer than its clients' timeouts and then resumed with SIGCONT.
 *
 * @param service the catalog service
 * @param action what is done to its process
 * @param pause how long a {@link Action#PAUSE} lasts (zero for a kill)
 */
public record Fault(String service, Action action, Duration pause) {

  /** What is done to the process. */
  public enum Action {
    /** SIGKILL (for the Spark worker: with its executors). */
    KILL,
    /** SIGSTOP, then SIGCONT after the pause. */
    PAUSE
  }

  /** The stateful services the drill kills, in data-flow order. */
  public static final List<String> KILLED =
      List.of(
          "postgres-source",
          "postgres-dest",
          "hms-db",
          "kafka",
          "debezium",
          "hdfs-namenode",
          "hdfs-datanode",
          "hms",
          "spark-master",
          "spark-worker",
          "spark-job-ingest",
          "spark-job-process",
          "data-generator");

  /** The services the drill pauses. */
  public static final List<String> PAUSED = List.of("kafka", "hdfs-namenode");

  /** Every fault of a full drill: each service killed, then the pauses. */
  public static List<Fault> all(Duration pause) {
    List<Fault> faults = new ArrayList<>();
    KILLED.forEach(s -> faults.add(new Fault(s, Action.KILL, Duration.ZERO)));
    PAUSED.forEach(s -> faults.add(new Fault(s, Action.PAUSE, pause)));
    return faults;
  }

  /** The faults of {@code services} only ({@code --only}), in drill order. */
  public static List<Fault> only(List<String> services, Duration pause) {
    List<String> unknown =
        services.stream().filter(s -> !KILLED.contains(s) && !PAUSED.contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "no fault for "
              + unknown
              + "; the drill covers "
              + KILLED
              + " (kill) and "
              + PAUSED
              + " (pause)");
    }
    return all(pause).stream().filter(f -> services.contains(f.service())).toList();
  }

  /** For people: "kill -9 kafka", "SIGSTOP kafka 40 s". */
  public String label() {
    return action == Action.KILL
        ? "kill -9 " + service
        : "SIGSTOP " + service + " " + pause.toSeconds() + " s";
  }
}
