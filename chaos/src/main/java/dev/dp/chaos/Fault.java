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

  /**
   * The faults {@code --only} names, in drill order: a service name selects all its faults, {@code
   * SERVICE:kill} or {@code SERVICE:pause} one of them.
   */
  public static List<Fault> only(List<String> selection, Duration pause) {
    List<String> unknown = new ArrayList<>();
    List<Fault> all = all(pause);
    List<Fault> chosen = new ArrayList<>();
    for (String entry : selection) {
      List<Fault> matching = all.stream().filter(f -> f.selectedBy(entry)).toList();
      if (matching.isEmpty()) {
        unknown.add(entry);
      }
      chosen.addAll(matching);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "no fault for "
              + unknown
              + "; the drill covers "
              + KILLED
              + " (kill) and "
              + PAUSED
              + " (pause); SERVICE:kill or SERVICE:pause picks one of a service's faults");
    }
    return all.stream().filter(chosen::contains).toList();
  }

  /** Whether an {@code --only} entry ({@code SERVICE} or {@code SERVICE:kill|pause}) names it. */
  private boolean selectedBy(String entry) {
    int colon = entry.indexOf(':');
    String name = colon < 0 ? entry : entry.substring(0, colon);
    return name.equals(service)
        && (colon < 0 || entry.substring(colon + 1).equalsIgnoreCase(action.name()));
  }

  /** For people: "kill -9 kafka", "SIGSTOP kafka 40 s". */
  public String label() {
    return action == Action.KILL
        ? "kill -9 " + service
        : "SIGSTOP " + service + " " + pause.toSeconds() + " s";
  }
}
