package dev.dp.health.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.health.ProbeContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Spark standalone master's JSON status ({@code GET <master ui>/json/}), as the Spark steps
 * read it: the master's state, its workers and the applications it runs.
 *
 * @param status the master's state, e.g. {@code ALIVE}
 * @param workers every worker it knows (alive or not)
 * @param apps the active applications
 */
public record SparkMasterStatus(String status, List<Worker> workers, List<App> apps) {

  /**
   * A worker as the master sees it.
   *
   * @param id worker id
   * @param webUiAddress e.g. {@code http://127.0.0.1:8081}
   * @param state e.g. {@code ALIVE}, {@code DEAD}
   * @param cores cores it offers
   * @param coresFree cores not given to executors
   * @param memoryMb memory it offers
   * @param memoryFreeMb memory not given to executors
   */
  public record Worker(
      String id,
      String webUiAddress,
      String state,
      int cores,
      int coresFree,
      int memoryMb,
      int memoryFreeMb) {

    boolean alive() {
      return "ALIVE".equals(state);
    }
  }

  /**
   * An active application.
   *
   * @param id application id
   * @param name its name (dp's jobs are named after their catalog service)
   * @param state e.g. {@code RUNNING}, {@code WAITING}
   * @param cores cores granted to its executors now
   * @param memoryPerExecutorMb memory each executor needs
   */
  public record App(String id, String name, String state, int cores, int memoryPerExecutorMb) {

    /** Whether it has no executor: it waits for resources and does no work. */
    public boolean waitingForResources() {
      return cores == 0 || "WAITING".equals(state);
    }
  }

  /** Parses the master's {@code /json/} document. */
  public static SparkMasterStatus parse(JsonNode json) {
    List<Worker> workers = new ArrayList<>();
    for (JsonNode w : json.path("workers")) {
      workers.add(
          new Worker(
              w.path("id").asText(),
              w.path("webuiaddress").asText(),
              w.path("state").asText(),
              w.path("cores").asInt(),
              w.path("coresfree").asInt(),
              w.path("memory").asInt(),
              w.path("memoryfree").asInt()));
    }
    List<App> apps = new ArrayList<>();
    for (JsonNode a : json.path("activeapps")) {
      apps.add(
          new App(
              a.path("id").asText(),
              a.path("name").asText(),
              a.path("state").asText(),
              a.path("cores").asInt(),
              a.path("memoryperexecutor").asInt(a.path("memoryperslave").asInt())));
    }
    return new SparkMasterStatus(json.path("status").asText("?"), workers, apps);
  }

  /** Asks the stack's master. */
  public static SparkMasterStatus fetch(ProbeContext ctx) throws IOException {
    String url = ctx.url("spark-master", "ui") + "/json/";
    ctx.doing("GET " + url);
    return parse(ctx.http().json(url));
  }

  /** The workers that are ALIVE. */
  public List<Worker> aliveWorkers() {
    return workers.stream().filter(Worker::alive).toList();
  }

  /** The newest worker whose web UI listens on {@code port} (a restarted worker re-registers). */
  public Optional<Worker> workerOnUiPort(int port) {
    Optional<Worker> alive =
        workers.stream()
            .filter(w -> w.webUiAddress().endsWith(":" + port))
            .filter(Worker::alive)
            .findFirst();
    return alive.or(
        () ->
            workers.stream()
                .filter(w -> w.webUiAddress().endsWith(":" + port))
                .reduce((a, b) -> b));
  }

  /** The active application of that name (dp's jobs are named after their service). */
  public Optional<App> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).reduce((a, b) -> b);
  }
}
