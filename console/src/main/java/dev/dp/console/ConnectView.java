package dev.dp.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dp.cdc.ConnectClient;
import dev.dp.cdc.PostgresConnectorConfig;
import dev.dp.stack.DatabaseEndpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Kafka Connect page shows: every connector with its state, tasks (state, worker, last
 * error trace) and configuration with secrets masked, and the replication slot of {@code
 * postgres-connector}. Connect is only asked with GETs.
 *
 * @param workerVersion the Connect worker's version, or null when it does not answer
 * @param connectors the connectors, {@code postgres-connector} first
 * @param slot the connector's replication slot, or null when unknown
 * @param problems what could not be read, for the page to show
 */
public record ConnectView(
    String workerVersion, List<Connector> connectors, ReplicationSlot slot, List<String> problems) {

  /** Copies the lists. */
  public ConnectView {
    connectors = List.copyOf(connectors);
    problems = List.copyOf(problems);
  }

  /**
   * One connector.
   *
   * @param name connector name
   * @param type {@code source} or {@code sink}
   * @param state its state, e.g. {@code RUNNING}
   * @param workerId the worker it runs on
   * @param trace its error trace, or null
   * @param tasks its tasks
   * @param config its configuration, secrets masked
   */
  public record Connector(
      String name,
      String type,
      String state,
      String workerId,
      String trace,
      List<Task> tasks,
      Map<String, String> config) {}

  /**
   * One task of a connector.
   *
   * @param id task number
   * @param state its state
   * @param workerId the worker it runs on
   * @param trace its last error trace, or null
   */
  public record Task(int id, String state, String workerId, String trace) {}

  /** Reads everything, recording what failed instead of failing the page. */
  static ConnectView read(ConnectClient client, DatabaseEndpoint source) {
    List<String> problems = new ArrayList<>();
    String version = null;
    List<Connector> connectors = new ArrayList<>();
    try {
      version = client.version();
      List<String> names = new ArrayList<>(client.connectors());
      names.sort(
          (a, b) ->
              a.equals(PostgresConnectorConfig.CONNECTOR_NAME)
                  ? -1
                  : b.equals(PostgresConnectorConfig.CONNECTOR_NAME) ? 1 : a.compareTo(b));
      for (String name : names) {
        connectors.add(connector(client, name));
      }
    } catch (IOException e) {
      problems.add("Kafka Connect: " + e.getMessage());
    }
    ReplicationSlot slot = null;
    try {
      slot = ReplicationSlot.read(source).orElse(null);
      if (slot == null) {
        problems.add("replication slot " + PostgresConnectorConfig.SLOT_NAME + " does not exist");
      }
    } catch (Exception e) {
      problems.add("postgres-source: " + e.getMessage());
    }
    return new ConnectView(version, connectors, slot, problems);
  }

  private static Connector connector(ConnectClient client, String name) throws IOException {
    JsonNode status = client.get("/connectors/" + name + "/status");
    JsonNode config = client.get("/connectors/" + name + "/config");
    List<Task> tasks = new ArrayList<>();
    for (JsonNode t : status.path("tasks")) {
      tasks.add(
          new Task(
              t.path("id").asInt(),
              t.path("state").asText(),
              t.path("worker_id").asText(null),
              t.path("trace").asText(null)));
    }
    Map<String, String> raw = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      raw.put(e.getKey(), e.getValue().asText());
    }
    Map<String, String> sorted = new java.util.TreeMap<>(SecretMasker.mask(raw));
    return new Connector(
        name,
        status.path("type").asText(null),
        status.path("connector").path("state").asText(),
        status.path("connector").path("worker_id").asText(null),
        status.path("connector").path("trace").asText(null),
        tasks,
        sorted);
  }
}
